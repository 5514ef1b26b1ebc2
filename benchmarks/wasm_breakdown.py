# Where the bytes of a wasm module go, by crate and by function: reads the code section and
# the "name" section of the module that rustc wrote before wasm-bindgen and wasm-opt (it keeps
# the names), e.g. target/wasm32-unknown-unknown/release/library.wasm after a release build.
# A stand-in for `twiggy top` / `twiggy dominators` when twiggy is not installed; sizes are
# function bodies before wasm-opt, so they are larger than what ships but in proportion.
# "X (generic impl)" is code of generic impls such as `<F as tachys::…>`: view closures.
#
#   python3 benchmarks/wasm_breakdown.py MODULE.wasm [CRATES] [ITEMS]
import sys, re, collections
data = open(sys.argv[1], 'rb').read()
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
i = 8; sections = []
imports_funcs = 0; code = []; names = {}; data_size = 0
while i < len(data):
    sid = data[i]; i += 1
    size, i = leb(data, i); start = i; end = i + size
    if sid == 2:
        n, j = leb(data, i)
        for _ in range(n):
            l, j = leb(data, j); j += l
            l, j = leb(data, j); j += l
            kind = data[j]; j += 1
            if kind == 0: _, j = leb(data, j); imports_funcs += 1
            elif kind == 1: j += 1; f, j = leb(data, j); _, j = leb(data, j); j = leb(data, j)[1] if f & 1 else j
            elif kind == 2: f, j = leb(data, j); _, j = leb(data, j); j = leb(data, j)[1] if f & 1 else j
            elif kind == 3: j += 2
    elif sid == 10:
        n, j = leb(data, i)
        for _ in range(n):
            l, j2 = leb(data, j); code.append(l + (j2 - j)); j = j2 + l
    elif sid == 11:
        data_size += size
    elif sid == 0:
        l, j = leb(data, i); nm = data[j:j+l]; j += l
        if nm == b'name':
            while j < end:
                sub = data[j]; j += 1; ssz, j = leb(data, j); send = j + ssz
                if sub == 1:
                    n, k = leb(data, j)
                    for _ in range(n):
                        idx, k = leb(data, k); l, k = leb(data, k); names[idx] = data[k:k+l].decode('utf8', 'replace'); k += l
                j = send
    i = end
def crate(name):
    n = name
    m = re.match(r'_ZN(.*)', n)
    if m:
        s = m.group(1); segs = []
        k = 0
        while k < len(s) and s[k].isdigit():
            d = re.match(r'\d+', s[k:]).group(0); L = int(d); k += len(d); segs.append(s[k:k+L]); k += L
        first = segs[0] if segs else n
        first = first.replace('_$LT$', '<').replace('$LT$', '<').replace('$u20$', ' ').replace('..', '::').replace('$GT$', '>')
        mm = re.search(r'[<\s]*(?:impl\s+)?([A-Za-z_][A-Za-z0-9_]*)', first)
        c = mm.group(1) if mm else first
        if len(c) <= 2 and c[0].isupper():
            ma = re.search(r' as ([A-Za-z_][A-Za-z0-9_]*)', first)
            c = (ma.group(1) if ma else c) + ' (generic impl)'
        return c, segs
    mm = re.match(r'[<&\s]*(?:impl\s+)?(?:dyn\s+)?([A-Za-z_][A-Za-z0-9_]*)', n)
    return (mm.group(1) if mm else n), [n]
by = collections.Counter(); items = []
for k, sz in enumerate(code):
    nm = names.get(imports_funcs + k, f'func[{imports_funcs+k}]')
    c, segs = crate(nm); by[c] += sz; items.append((sz, nm))
total = sum(code)
print(f'code {total} bytes in {len(code)} functions, data {data_size} bytes, file {len(data)}')
for c, sz in by.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 20):
    print(f'{sz:9d} {100*sz/total:5.1f}%  {c}')
print('--- top items')
for sz, nm in sorted(items, reverse=True)[:int(sys.argv[3]) if len(sys.argv) > 3 else 15]:
    print(f'{sz:8d}  {nm[:150]}')
