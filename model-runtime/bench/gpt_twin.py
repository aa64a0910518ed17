#!/usr/bin/env python3
"""PyTorch twin of `java -jar model-runtime.jar bench`: the same GPT (pre-LN, exact GELU, tied LM head, GPT-2
init), the same training step (AdamW betas 0.9/0.95, eps 1e-8, weight decay 0.1 on block weight matrices only,
global-norm clip 1.0, one micro-batch of 16 x 128 random tokens) and the same sampling measurement (greedy, one
sequence, 16-token prompt, 256 new tokens, with and without a KV cache). Not a dependency of the product: run it
beside the Java bench on the same machine and thread count to compare, e.g.

    python3 model-runtime/bench/gpt_twin.py --threads=1
    java -jar model-runtime/target/model-runtime.jar bench --threads=1

Needs torch (>= 2.0); prints one JSON line with the same keys as the Java bench.
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, c, nh):
        super().__init__()
        self.nh = nh
        self.ln_1 = nn.LayerNorm(c, eps=1e-5)
        self.c_attn = nn.Linear(c, 3 * c)
        self.c_proj = nn.Linear(c, c)
        self.ln_2 = nn.LayerNorm(c, eps=1e-5)
        self.c_fc = nn.Linear(c, 4 * c)
        self.mlp_proj = nn.Linear(4 * c, c)

    def attn(self, x, cache, mask):
        b, t, c = x.shape
        q, k, v = self.c_attn(x).split(c, dim=2)
        q, k, v = (a.view(b, t, self.nh, c // self.nh).transpose(1, 2) for a in (q, k, v))  # (B, nh, T, hs)
        if cache is not None:
            if cache.get("k") is not None:
                k = torch.cat([cache["k"], k], dim=2)
                v = torch.cat([cache["v"], v], dim=2)
            cache["k"], cache["v"] = k, v
        att = (q * (1.0 / math.sqrt(q.size(-1)))) @ k.transpose(-2, -1)  # (B, nh, T, P + T)
        if mask is not None:
            att = att + mask
        y = att.softmax(-1) @ v
        return self.c_proj(y.transpose(1, 2).reshape(b, t, c))

    def forward(self, x, cache=None, mask=None):
        x = x + self.attn(self.ln_1(x), cache, mask)
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x))))


class GPT(nn.Module):
    def __init__(self, vocab, ctx, layers, heads, width):
        super().__init__()
        self.wte = nn.Embedding(vocab, width)
        self.wpe = nn.Embedding(ctx, width)
        self.h = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(width, eps=1e-5)
        for name, p in self.named_parameters():  # GPT-2 init, as GptModel.create
            if "ln_" in name:
                nn.init.ones_(p) if name.endswith("weight") else nn.init.zeros_(p)
            elif name.endswith("bias"):
                nn.init.zeros_(p)
            else:
                std = 0.02 / math.sqrt(2 * layers) if name.endswith("c_proj.weight") or "mlp_proj.weight" in name else 0.02
                nn.init.normal_(p, 0, std)

    def forward(self, idx, caches=None):
        b, t = idx.shape
        past = 0 if caches is None or caches[0].get("k") is None else caches[0]["k"].size(2)
        x = self.wte(idx) + self.wpe(torch.arange(past, past + t, device=idx.device))
        mask = None
        if t > 1:
            mask = torch.full((t, past + t), float("-inf"), device=idx.device).triu(past + 1)
        for i, block in enumerate(self.h):
            x = block(x, None if caches is None else caches[i], mask)
        return self.ln_f(x) @ self.wte.weight.T  # tied head: (B, T, V)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--vocab", type=int, default=2048)
    ap.add_argument("--seqLen", type=int, default=128)
    ap.add_argument("--batchSize", type=int, default=16)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--newTokens", type=int, default=256)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--device", default="cpu", help="cpu or cuda (timings synchronise the GPU)")
    a = ap.parse_args()
    dev = torch.device(a.device)

    def sync():  # CUDA kernels run asynchronously: wait for them before reading the clock
        if dev.type == "cuda":
            torch.cuda.synchronize()
    if a.threads:
        torch.set_num_threads(a.threads)
        torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    prompt = 16
    model = GPT(a.vocab, max(a.seqLen, prompt + a.newTokens), a.layers, a.heads, a.width).to(dev)
    decay = [p for n, p in model.named_parameters() if n.startswith("h.") and n.endswith("weight") and "ln_" not in n]
    other = [p for n, p in model.named_parameters() if not (n.startswith("h.") and n.endswith("weight") and "ln_" not in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": other, "weight_decay": 0.0}],
                            lr=1e-3, betas=(0.9, 0.95), eps=1e-8)
    data = torch.randint(0, a.vocab - 1, (256, a.seqLen + 1)).to(dev)

    def step(i):
        rows = data[(torch.arange(i * a.batchSize, (i + 1) * a.batchSize) % len(data)).to(dev)]
        x, y = rows[:, :-1], rows[:, 1:]
        loss = F.cross_entropy(model(x).reshape(-1, a.vocab), y.reshape(-1))
        opt.zero_grad(set_to_none=False)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    for i in range(a.warmup):
        step(i)
    sync()
    t0 = time.perf_counter()
    for i in range(a.steps):
        step(a.warmup + i)
    sync()
    train_rate = a.steps * a.batchSize * a.seqLen / (time.perf_counter() - t0)

    @torch.no_grad()
    def sample(cache):
        ids = torch.randint(0, a.vocab - 1, (1, prompt), generator=torch.Generator().manual_seed(2)).to(dev)
        out = []
        t0 = time.perf_counter()
        caches = [dict() for _ in model.h] if cache else None
        logits = model(ids, caches)[:, -1]
        for _ in range(a.newTokens):
            nxt = logits.argmax(-1, keepdim=True)
            out.append(int(nxt))
            if len(out) == a.newTokens:
                break
            if cache:
                logits = model(nxt, caches)[:, -1]
            else:
                ids = torch.cat([ids, nxt], dim=1)
                logits = model(ids)[:, -1]
        sync()
        return len(out) / (time.perf_counter() - t0), out

    model.eval()
    sample(True)
    cached, toks_c = sample(True)
    full, toks_f = sample(False)
    print(json.dumps({"command": "gpt_twin.py", "torch": torch.__version__, "threads": torch.get_num_threads(), "device": a.device,
                      "train_tokens_per_s": train_rate, "sample_new_tokens": a.newTokens,
                      "sample_tokens_per_s_cache": cached, "sample_tokens_per_s_no_cache": full,
                      "cache_speedup": cached / full, "cache_and_no_cache_same_tokens": toks_c == toks_f}))


if __name__ == "__main__":
    main()
