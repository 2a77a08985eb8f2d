#!/usr/bin/env python3
"""What each crate adds to a wasm file: sums function body sizes by crate, using the name section.

twiggy 0.7 cannot parse wasm from current rustc + binaryen 132, so this reads the format directly.
Usage: wasm_sizes.py FILE.wasm [N]   (the file must keep its names: wasm-opt -g)
"""
import collections
import re
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def parse(path):
    b = open(path, "rb").read()
    i = 8
    imports = 0
    bodies = []
    names = {}
    data = 0
    while i < len(b):
        sid = b[i]
        size, i = leb(b, i + 1)
        end = i + size
        if sid == 2:  # imports: count function imports
            n, j = leb(b, i)
            for _ in range(n):
                for _ in range(2):
                    ln, j = leb(b, j)
                    j += ln
                kind = b[j]
                j += 1
                if kind == 0:
                    imports += 1
                    _, j = leb(b, j)
                elif kind == 1:
                    j += 1
                    flags, j = leb(b, j + 0)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 2:
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
                else:
                    j += 2
        elif sid == 10:
            n, j = leb(b, i)
            for _ in range(n):
                sz, j = leb(b, j)
                bodies.append(sz)
                j += sz
        elif sid == 11:
            data = size
        elif sid == 0:
            ln, j = leb(b, i)
            name = b[j:j + ln].decode()
            j += ln
            if name == "name":
                while j < end:
                    sub = b[j]
                    ssz, j = leb(b, j + 1)
                    send = j + ssz
                    if sub == 1:
                        n, k = leb(b, j)
                        for _ in range(n):
                            idx, k = leb(b, k)
                            ln, k = leb(b, k)
                            names[idx] = b[k:k + ln].decode("utf-8", "replace")
                            k += ln
                    j = send
        i = end
    return imports, bodies, names, data, len(b)


CRATES = r"(patuh_core|patuh|yew|serde_json|serde_core|serde|core|alloc|std|wasm_bindgen|web_sys|js_sys|gloo_\w+|dlmalloc|hashbrown|indexmap|csv|zip|pdf_writer)"


def crate_of(name):
    if "patuh::components" in name:
        return "patuh (components)"
    if "patuh_core" in name:
        return "patuh_core (incl. its serde code)"
    m = re.search(CRATES + r"(\[[0-9a-f]+\])?::", name)
    return m.group(1) if m else "(unnamed/other)"


def main():
    path = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    imports, bodies, names, data, total = parse(path)
    by_crate = collections.Counter()
    funcs = []
    for k, sz in enumerate(bodies):
        nm = names.get(imports + k, f"func[{imports + k}]")
        by_crate[crate_of(nm)] += sz
        funcs.append((sz, nm))
    print(f"file {total} bytes: code {sum(bodies)}, data {data}, other {total - sum(bodies) - data}")
    print("\nby crate (function bodies):")
    for c, s in by_crate.most_common():
        print(f"  {s:9d}  {c}")
    print(f"\nlargest {n} functions:")
    for sz, nm in sorted(funcs, reverse=True)[:n]:
        print(f"  {sz:9d}  {nm[:110]}")


if __name__ == "__main__":
    main()
