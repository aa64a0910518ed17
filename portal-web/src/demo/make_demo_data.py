#!/usr/bin/env python3
"""Writes the demo datasets the portal seeds with PORTAL_DEMO=true (portal-web DemoSeeder).

Tiny Python tasks in the HumanEval style: the prompt is a function signature with a docstring, the response is
the body. Written for this project (no third-party data). Every task is executed with its checks before it is
written, so the demonstrations are correct Python. Output (deterministic, commit it):

  src/main/resources/ai/finetune/portal/demo/demonstrations.jsonl  {"prompt", "response"}      (DEMONSTRATIONS)
  src/main/resources/ai/finetune/portal/demo/prompts.jsonl         {"prompt"}                  (PROMPTS, held out)
  src/main/resources/ai/finetune/portal/demo/rankings.jsonl        {"prompt", "completions", "ranking"} (RANKINGS)

Run from portal-web/: python3 src/demo/make_demo_data.py
"""
import json
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "ai", "finetune", "portal", "demo")


def task(name, args, doc, body, checks):
    """One task: def name(args) with doc, the body lines, and checks as (arguments tuple, expected result)."""
    prompt = 'def %s(%s):\n    """%s"""\n' % (name, args, doc)
    response = "".join("    " + line + "\n" for line in body.split("\n"))
    return {"name": name, "prompt": prompt, "response": response, "checks": checks}


def tasks():
    t = []
    for n in range(1, 13):
        t.append(task("add_%d" % n, "x", "Return x plus %d." % n, "return x + %d" % n, [((1,), 1 + n), ((-n,), 0)]))
    for n in range(2, 11):
        t.append(task("multiply_by_%d" % n, "x", "Return x multiplied by %d." % n, "return x * %d" % n,
                      [((3,), 3 * n), ((0,), 0)]))
    for n in range(2, 10):
        t.append(task("is_divisible_by_%d" % n, "n", "Return True if n is divisible by %d, else False." % n,
                      "return n %% %d == 0" % n, [((n * 3,), True), ((n * 3 + 1,), False)]))
    for n in range(2, 8):
        t.append(task("repeat_%d" % n, "s", "Return the string s repeated %d times." % n, "return s * %d" % n,
                      [(("ab",), "ab" * n), (("",), "")]))
    for n in range(1, 6):
        t.append(task("first_%d" % n, "items", "Return the first %d elements of the list items." % n,
                      "return items[:%d]" % n, [((list(range(10)),), list(range(n))), (([],), [])]))
        t.append(task("drop_%d" % n, "items", "Return the list items without its first %d elements." % n,
                      "return items[%d:]" % n, [((list(range(10)),), list(range(n, 10)))]))
    binary = [
        ("add", "Return the sum of a and b.", "return a + b", [((2, 3), 5)]),
        ("subtract", "Return a minus b.", "return a - b", [((5, 3), 2)]),
        ("multiply", "Return the product of a and b.", "return a * b", [((4, 3), 12)]),
        ("power", "Return a raised to the power b.", "return a ** b", [((2, 10), 1024)]),
        ("maximum", "Return the larger of a and b.", "return a if a > b else b", [((2, 7), 7), ((9, 1), 9)]),
        ("minimum", "Return the smaller of a and b.", "return a if a < b else b", [((2, 7), 2), ((9, 1), 1)]),
        ("average", "Return the mean of a and b.", "return (a + b) / 2", [((2, 4), 3)]),
        ("distance", "Return the absolute difference between a and b.", "return abs(a - b)", [((2, 7), 5), ((7, 2), 5)]),
        ("gcd", "Return the greatest common divisor of a and b.", "while b:\n    a, b = b, a % b\nreturn a",
         [((12, 18), 6), ((7, 5), 1)]),
        ("lcm", "Return the least common multiple of positive integers a and b.",
         "x, y = a, b\nwhile y:\n    x, y = y, x % y\nreturn a * b // x", [((4, 6), 12)]),
        ("integer_divide", "Return a divided by b, rounded down.", "return a // b", [((7, 2), 3)]),
        ("remainder", "Return the remainder of a divided by b.", "return a % b", [((7, 3), 1)]),
        ("same_sign", "Return True if a and b are both positive or both negative.", "return (a > 0) == (b > 0)",
         [((1, 2), True), ((-1, 2), False)]),
        ("concat", "Return the strings a and b joined together.", "return a + b", [(("ab", "cd"), "abcd")]),
        ("join_with_space", "Return the strings a and b joined by one space.", "return a + ' ' + b",
         [(("hello", "world"), "hello world")]),
        ("count_occurrences", "Return how many times the value b appears in the list a.", "return a.count(b)",
         [(([1, 2, 1], 1), 2)]),
        ("contains", "Return True if the list a contains b.", "return b in a", [(([1, 2], 2), True), (([], 1), False)]),
        ("starts_with", "Return True if the string a starts with the string b.", "return a.startswith(b)",
         [(("hello", "he"), True), (("hello", "lo"), False)]),
        ("ends_with", "Return True if the string a ends with the string b.", "return a.endswith(b)",
         [(("hello", "lo"), True)]),
        ("merge_dicts", "Return a new dict with the items of a, updated by those of b.",
         "result = dict(a)\nresult.update(b)\nreturn result", [(({"x": 1}, {"y": 2}), {"x": 1, "y": 2})]),
    ]
    for name, doc, body, checks in binary:
        t.append(task(name, "a, b", doc, body, checks))
    unary_lists = [
        ("sum_list", "Return the sum of the numbers in the list.", "total = 0\nfor x in items:\n    total += x\nreturn total",
         [(([1, 2, 3],), 6), (([],), 0)]),
        ("product_list", "Return the product of the numbers in the list.",
         "result = 1\nfor x in items:\n    result *= x\nreturn result", [(([2, 3, 4],), 24)]),
        ("largest", "Return the largest number in a non-empty list.",
         "best = items[0]\nfor x in items:\n    if x > best:\n        best = x\nreturn best", [(([3, 9, 2],), 9)]),
        ("smallest", "Return the smallest number in a non-empty list.",
         "best = items[0]\nfor x in items:\n    if x < best:\n        best = x\nreturn best", [(([3, 9, 2],), 2)]),
        ("count_even", "Return how many numbers in the list are even.",
         "return sum(1 for x in items if x % 2 == 0)", [(([1, 2, 4],), 2)]),
        ("count_odd", "Return how many numbers in the list are odd.",
         "return sum(1 for x in items if x % 2 == 1)", [(([1, 2, 5],), 2)]),
        ("only_even", "Return the even numbers of the list, in order.", "return [x for x in items if x % 2 == 0]",
         [(([1, 2, 3, 4],), [2, 4])]),
        ("only_positive", "Return the numbers of the list that are greater than zero.",
         "return [x for x in items if x > 0]", [(([-1, 2, 0, 3],), [2, 3])]),
        ("squares", "Return the squares of the numbers in the list.", "return [x * x for x in items]",
         [(([1, 2, 3],), [1, 4, 9])]),
        ("doubled", "Return a list with every number of items doubled.", "return [2 * x for x in items]",
         [(([1, 5],), [2, 10])]),
        ("reverse_list", "Return the list in reverse order.", "return items[::-1]", [(([1, 2, 3],), [3, 2, 1])]),
        ("last", "Return the last element of a non-empty list.", "return items[-1]", [(([1, 2, 3],), 3)]),
        ("length", "Return the number of elements in the list.", "count = 0\nfor _ in items:\n    count += 1\nreturn count",
         [(([1, 2, 3],), 3)]),
        ("mean", "Return the mean of a non-empty list of numbers.", "return sum(items) / len(items)",
         [(([1, 2, 3],), 2)]),
        ("unique", "Return the distinct elements of the list in the order they first appear.",
         "seen = set()\nresult = []\nfor x in items:\n    if x not in seen:\n        seen.add(x)\n        result.append(x)\nreturn result",
         [(([1, 2, 1, 3, 2],), [1, 2, 3])]),
        ("sort_descending", "Return the numbers of the list sorted from largest to smallest.",
         "return sorted(items, reverse=True)", [(([2, 9, 4],), [9, 4, 2])]),
        ("is_sorted", "Return True if the list is sorted in ascending order.",
         "for i in range(1, len(items)):\n    if items[i - 1] > items[i]:\n        return False\nreturn True",
         [(([1, 2, 2, 5],), True), (([3, 1],), False)]),
        ("all_positive", "Return True if every number in the list is positive.", "return all(x > 0 for x in items)",
         [(([1, 2],), True), (([1, -2],), False)]),
        ("any_negative", "Return True if any number in the list is negative.", "return any(x < 0 for x in items)",
         [(([1, -2],), True), (([1, 2],), False)]),
        ("second_largest", "Return the second largest distinct number in the list.",
         "values = sorted(set(items))\nreturn values[-2]", [(([4, 9, 9, 2],), 4)]),
        ("running_total", "Return the running totals of the list: element i is the sum of items[:i + 1].",
         "result = []\ntotal = 0\nfor x in items:\n    total += x\n    result.append(total)\nreturn result",
         [(([1, 2, 3],), [1, 3, 6])]),
        ("pairwise_sums", "Return the sums of neighbouring elements of the list.",
         "return [items[i] + items[i + 1] for i in range(len(items) - 1)]", [(([1, 2, 3],), [3, 5])]),
        ("index_of_max", "Return the index of the largest number in a non-empty list.",
         "return items.index(max(items))", [(([3, 9, 2],), 1)]),
        ("flatten", "Return the elements of a list of lists as one list.",
         "return [x for sub in items for x in sub]", [(([[1, 2], [3]],), [1, 2, 3])]),
        ("count_items", "Return a dict mapping each element of the list to how many times it appears.",
         "counts = {}\nfor x in items:\n    counts[x] = counts.get(x, 0) + 1\nreturn counts",
         [((["a", "b", "a"],), {"a": 2, "b": 1})]),
    ]
    for name, doc, body, checks in unary_lists:
        t.append(task(name, "items", doc, body, checks))
    strings = [
        ("shout", "Return the string s in upper case.", "return s.upper()", [(("hi",), "HI")]),
        ("whisper", "Return the string s in lower case.", "return s.lower()", [(("Hi",), "hi")]),
        ("reverse_string", "Return the string s reversed.", "return s[::-1]", [(("abc",), "cba")]),
        ("is_palindrome", "Return True if s reads the same forwards and backwards.", "return s == s[::-1]",
         [(("level",), True), (("ab",), False)]),
        ("count_vowels", "Return the number of vowels (a, e, i, o, u) in the lower-case string s.",
         "return sum(1 for c in s if c in 'aeiou')", [(("banana",), 3)]),
        ("word_count", "Return the number of words in s, separated by whitespace.", "return len(s.split())",
         [(("a b  c",), 3), (("",), 0)]),
        ("first_word", "Return the first word of the string s.", "return s.split()[0]", [(("hello world",), "hello")]),
        ("last_char", "Return the last character of a non-empty string s.", "return s[-1]", [(("abc",), "c")]),
        ("remove_spaces", "Return s without any space characters.", "return s.replace(' ', '')",
         [(("a b c",), "abc")]),
        ("title_words", "Return s with the first letter of every word in upper case.", "return s.title()",
         [(("hello world",), "Hello World")]),
        ("count_digits_in", "Return how many characters of s are digits.", "return sum(1 for c in s if c.isdigit())",
         [(("a1b22",), 3)]),
        ("initials", "Return the first letters of the words of s, in upper case.",
         "return ''.join(w[0].upper() for w in s.split())", [(("ada lovelace",), "AL")]),
        ("char_frequencies", "Return a dict mapping each character of s to how often it occurs.",
         "counts = {}\nfor c in s:\n    counts[c] = counts.get(c, 0) + 1\nreturn counts", [(("aab",), {"a": 2, "b": 1})]),
        ("longest_word", "Return the longest word of s (the first one if several are equally long).",
         "return max(s.split(), key=len)", [(("a bbb cc",), "bbb")]),
        ("strip_punctuation", "Return s without the characters . , ! and ?.",
         "return ''.join(c for c in s if c not in '.,!?')", [(("hi, you!",), "hi you")]),
        ("is_blank", "Return True if s is empty or holds only whitespace.", "return s.strip() == ''",
         [(("  ",), True), ((" a",), False)]),
        ("swap_case", "Return s with upper case letters made lower case and lower case letters upper case.",
         "return s.swapcase()", [(("aB",), "Ab")]),
        ("double_letters", "Return s with every character written twice.", "return ''.join(c * 2 for c in s)",
         [(("ab",), "aabb")]),
        ("to_snake_case", "Return the words of s joined by underscores, in lower case.",
         "return '_'.join(s.lower().split())", [(("Hello Big World",), "hello_big_world")]),
        ("words_sorted", "Return the words of s sorted alphabetically.", "return sorted(s.split())",
         [(("b c a",), ["a", "b", "c"])]),
    ]
    for name, doc, body, checks in strings:
        t.append(task(name, "s", doc, body, checks))
    numbers = [
        ("is_even", "Return True if n is even.", "return n % 2 == 0", [((4,), True), ((3,), False)]),
        ("is_odd", "Return True if n is odd.", "return n % 2 == 1", [((3,), True), ((4,), False)]),
        ("is_positive", "Return True if n is greater than zero.", "return n > 0", [((1,), True), ((0,), False)]),
        ("sign", "Return 1 if n is positive, -1 if it is negative and 0 if it is zero.",
         "if n > 0:\n    return 1\nif n < 0:\n    return -1\nreturn 0", [((5,), 1), ((-2,), -1), ((0,), 0)]),
        ("factorial", "Return n factorial for a non-negative integer n.",
         "result = 1\nfor i in range(2, n + 1):\n    result *= i\nreturn result", [((5,), 120), ((0,), 1)]),
        ("fibonacci", "Return the n-th Fibonacci number, with fibonacci(0) == 0 and fibonacci(1) == 1.",
         "a, b = 0, 1\nfor _ in range(n):\n    a, b = b, a + b\nreturn a", [((10,), 55), ((1,), 1)]),
        ("sum_to", "Return the sum of the integers from 1 to n.", "return n * (n + 1) // 2", [((10,), 55)]),
        ("is_prime", "Return True if n is a prime number.",
         "if n < 2:\n    return False\ni = 2\nwhile i * i <= n:\n    if n % i == 0:\n        return False\n    i += 1\nreturn True",
         [((7,), True), ((9,), False), ((1,), False)]),
        ("digit_sum", "Return the sum of the decimal digits of the non-negative integer n.",
         "return sum(int(d) for d in str(n))", [((123,), 6)]),
        ("count_digits", "Return the number of decimal digits of the non-negative integer n.", "return len(str(n))",
         [((12345,), 5)]),
        ("reverse_digits", "Return the non-negative integer n with its decimal digits reversed.",
         "return int(str(n)[::-1])", [((123,), 321)]),
        ("square", "Return n squared.", "return n * n", [((7,), 49)]),
        ("cube", "Return n cubed.", "return n ** 3", [((3,), 27)]),
        ("half", "Return n divided by two.", "return n / 2", [((7,), 3.5)]),
        ("divisors", "Return the positive divisors of the positive integer n in increasing order.",
         "return [d for d in range(1, n + 1) if n % d == 0]", [((12,), [1, 2, 3, 4, 6, 12])]),
        ("to_binary", "Return the binary digits of the non-negative integer n as a string.", "return bin(n)[2:]",
         [((5,), "101")]),
        ("countdown", "Return the list of integers from n down to 1.", "return list(range(n, 0, -1))",
         [((3,), [3, 2, 1])]),
        ("evens_up_to", "Return the even numbers from 0 to n inclusive.", "return list(range(0, n + 1, 2))",
         [((5,), [0, 2, 4])]),
        ("celsius_to_fahrenheit", "Convert n degrees Celsius to Fahrenheit.", "return n * 9 / 5 + 32",
         [((100,), 212)]),
        ("fahrenheit_to_celsius", "Convert n degrees Fahrenheit to Celsius.", "return (n - 32) * 5 / 9",
         [((212,), 100)]),
        ("minutes_to_seconds", "Return the number of seconds in n minutes.", "return n * 60", [((2,), 120)]),
        ("hours_to_minutes", "Return the number of minutes in n hours.", "return n * 60", [((3,), 180)]),
        ("leap_year", "Return True if the year n is a leap year in the Gregorian calendar.",
         "return n % 4 == 0 and (n % 100 != 0 or n % 400 == 0)", [((2000,), True), ((1900,), False), ((2024,), True)]),
        ("collatz_steps", "Return how many Collatz steps take the positive integer n to 1.",
         "steps = 0\nwhile n != 1:\n    n = n // 2 if n % 2 == 0 else 3 * n + 1\n    steps += 1\nreturn steps",
         [((6,), 8), ((1,), 0)]),
    ]
    for name, doc, body, checks in numbers:
        t.append(task(name, "n", doc, body, checks))
    three = [
        ("max_of_three", "a, b, c", "Return the largest of a, b and c.", "return max(a, max(b, c))", [((1, 7, 3), 7)]),
        ("clamp", "x, low, high", "Return x limited to the range from low to high.",
         "if x < low:\n    return low\nif x > high:\n    return high\nreturn x", [((5, 0, 3), 3), ((-1, 0, 3), 0)]),
        ("between", "x, low, high", "Return True if low <= x <= high.", "return low <= x <= high",
         [((2, 1, 3), True), ((4, 1, 3), False)]),
        ("replace_word", "s, old, new", "Return s with every occurrence of old replaced by new.",
         "return s.replace(old, new)", [(("a cat", "cat", "dog"), "a dog")]),
        ("get_or_default", "d, key, default", "Return d[key] if key is in the dict d, else default.",
         "return d.get(key, default)", [(({"a": 1}, "a", 0), 1), (({}, "a", 0), 0)]),
    ]
    for name, args, doc, body, checks in three:
        t.append(task(name, args, doc, body, checks))
    return t


def verify(t):
    scope = {}
    exec(t["prompt"] + t["response"], scope)
    for args, expected in t["checks"]:
        got = scope[t["name"]](*args)
        assert got == expected, "%s%r: expected %r, got %r" % (t["name"], args, expected, got)


def ranking_completions(t, rnd):
    """Four answers of falling quality: correct, wrong (operators swapped or a constant), pass, and cut off."""
    body = t["response"]
    wrong = body.replace("+", "-") if "+" in body else body.replace("return ", "return 0 and ", 1)
    if wrong == body:
        wrong = "    return None\n"
    cut = body.split("\n")[0][: max(8, len(body.split("\n")[0]) // 2)] + "\n"
    answers = [body, wrong, "    pass\n", cut]
    order = list(range(4))
    rnd.shuffle(order)  # completions in random order; ranking lists them best first
    completions = [answers[i] for i in order]
    ranking = [order.index(quality) for quality in range(4)]
    return completions, ranking


def main():
    all_tasks = tasks()
    names = [t["name"] for t in all_tasks]
    assert len(names) == len(set(names)), "duplicate task names"
    for t in all_tasks:
        verify(t)
    rnd = random.Random(20261127)
    order = list(range(len(all_tasks)))
    rnd.shuffle(order)
    held_out = set(order[: len(order) // 6])  # prompts for sampling and labeling, not trained on
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "demonstrations.jsonl"), "w") as d, \
            open(os.path.join(OUT, "prompts.jsonl"), "w") as p, \
            open(os.path.join(OUT, "rankings.jsonl"), "w") as r:
        for i, t in enumerate(all_tasks):
            if i in held_out:
                p.write(json.dumps({"prompt": t["prompt"]}) + "\n")
                completions, ranking = ranking_completions(t, rnd)
                r.write(json.dumps({"prompt": t["prompt"], "completions": completions, "ranking": ranking}) + "\n")
            else:
                d.write(json.dumps({"prompt": t["prompt"], "response": t["response"]}) + "\n")
    print("%d tasks: %d demonstrations, %d prompts and rankings" % (len(all_tasks), len(all_tasks) - len(held_out),
                                                                   len(held_out)))


if __name__ == "__main__":
    main()
