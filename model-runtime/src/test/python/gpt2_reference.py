#!/usr/bin/env python3
"""Independent GPT-2 reference for the import/export test: numpy only, float64, written from the GPT-2 paper /
Hugging Face's modeling_gpt2 semantics (pre-LN blocks, Conv1D weights stored (in, out), gelu_new, tied LM head).

  gpt2_reference.py make DIR SEED VOCAB CTX EMBD LAYER HEAD   random GPT-2-shaped checkpoint in DIR
                                                              (config.json + model.safetensors, original
                                                              upload's names: no "transformer." prefix, with
                                                              the attn.bias mask buffers)
  gpt2_reference.py forward DIR IDS_JSON OUT_JSON             logits of IDS_JSON ([[ids..], ..]) -> OUT_JSON
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64}


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        b, e = t["data_offsets"]
        out[name] = np.frombuffer(data[b:e], dtype=DTYPES[t["dtype"]]).reshape(t["shape"]).astype(np.float64)
    return out


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, a in tensors.items():
        raw = np.ascontiguousarray(a, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    h = json.dumps(header).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def make(d, seed, vocab, ctx, embd, layer, head):
    rng = np.random.default_rng(seed)
    t = {"wte.weight": rng.normal(0, 0.1, (vocab, embd)), "wpe.weight": rng.normal(0, 0.05, (ctx, embd))}
    for i in range(layer):
        p = f"h.{i}."
        t[p + "ln_1.weight"] = 1 + rng.normal(0, 0.1, embd)
        t[p + "ln_1.bias"] = rng.normal(0, 0.1, embd)
        t[p + "attn.bias"] = np.tril(np.ones((ctx, ctx))).reshape(1, 1, ctx, ctx)
        t[p + "attn.c_attn.weight"] = rng.normal(0, 0.2, (embd, 3 * embd))
        t[p + "attn.c_attn.bias"] = rng.normal(0, 0.1, 3 * embd)
        t[p + "attn.c_proj.weight"] = rng.normal(0, 0.2, (embd, embd))
        t[p + "attn.c_proj.bias"] = rng.normal(0, 0.1, embd)
        t[p + "ln_2.weight"] = 1 + rng.normal(0, 0.1, embd)
        t[p + "ln_2.bias"] = rng.normal(0, 0.1, embd)
        t[p + "mlp.c_fc.weight"] = rng.normal(0, 0.2, (embd, 4 * embd))
        t[p + "mlp.c_fc.bias"] = rng.normal(0, 0.1, 4 * embd)
        t[p + "mlp.c_proj.weight"] = rng.normal(0, 0.2, (4 * embd, embd))
        t[p + "mlp.c_proj.bias"] = rng.normal(0, 0.1, embd)
    t["ln_f.weight"] = 1 + rng.normal(0, 0.1, embd)
    t["ln_f.bias"] = rng.normal(0, 0.1, embd)
    write_safetensors(f"{d}/model.safetensors", t)
    config = {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"], "vocab_size": vocab, "n_positions": ctx,
              "n_ctx": ctx, "n_embd": embd, "n_layer": layer, "n_head": head, "activation_function": "gelu_new",
              "layer_norm_epsilon": 1e-5}
    with open(f"{d}/config.json", "w") as f:
        json.dump(config, f)


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def gelu_new(x):
    return 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))


def forward(d, ids):
    cfg = json.load(open(f"{d}/config.json"))
    w = {k[len("transformer."):] if k.startswith("transformer.") else k: v
         for k, v in read_safetensors(f"{d}/model.safetensors").items()}
    eps, nh = cfg.get("layer_norm_epsilon", 1e-5), cfg["n_head"]
    ids = np.array(ids)
    b, t = ids.shape
    x = w["wte.weight"][ids] + w["wpe.weight"][:t]  # (B, T, C)
    c = x.shape[-1]
    hs = c // nh
    causal = np.tril(np.ones((t, t), dtype=bool))
    for i in range(cfg["n_layer"]):
        p = f"h.{i}."
        h = layer_norm(x, w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        qkv = h @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]  # Conv1D: x @ W(in, out) + b
        q, k, v = np.split(qkv, 3, axis=-1)
        q, k, v = (a.reshape(b, t, nh, hs).transpose(0, 2, 1, 3) for a in (q, k, v))  # (B, nh, T, hs)
        att = q @ k.transpose(0, 1, 3, 2) / np.sqrt(hs)
        att = np.where(causal, att, -np.inf)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        y = (att @ v).transpose(0, 2, 1, 3).reshape(b, t, c)
        x = x + y @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        h = layer_norm(x, w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        h = gelu_new(h @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])
        x = x + h @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
    x = layer_norm(x, w["ln_f.weight"], w["ln_f.bias"], eps)
    head = w.get("lm_head.weight", w["wte.weight"])
    return x @ head.T  # (B, T, V)


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], *map(int, sys.argv[3:9]))
    elif sys.argv[1] == "forward":
        ids = json.load(open(sys.argv[3]))
        json.dump(forward(sys.argv[2], ids).tolist(), open(sys.argv[4], "w"))
    else:
        sys.exit(__doc__)
