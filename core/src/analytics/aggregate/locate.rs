//! Finds where a JSON path (`edges[3].waiting_s.count`) sits in the text, so that an
//! aggregate that parses but does not add up can still be reported with line and column.
//! A small scanner over the already valid JSON: it skips every value it does not descend
//! into, and never allocates except to decode a key with escapes.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq)]
pub enum Seg {
    Key(&'static str),
    Index(usize),
}

/// `edges[3].waiting_s.count`
pub fn render(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Line and column (1-based, columns in characters) of the value at `path`.
pub fn locate(text: &str, path: &[Seg]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = 0;
    for seg in path {
        i = ws(b, i);
        match (seg, b.get(i)?) {
            (Seg::Key(key), b'{') => {
                i += 1;
                loop {
                    i = ws(b, i);
                    if *b.get(i)? != b'"' {
                        return None; // `}`: the key is not there
                    }
                    let end = string_end(b, i)?;
                    let name: String = serde_json::from_str(&text[i..end]).ok()?;
                    i = ws(b, end);
                    if *b.get(i)? != b':' {
                        return None;
                    }
                    i = ws(b, i + 1);
                    if name == *key {
                        break;
                    }
                    i = ws(b, value_end(b, i)?);
                    if *b.get(i)? == b',' {
                        i += 1;
                    }
                }
            }
            (Seg::Index(n), b'[') => {
                i += 1;
                for _ in 0..*n {
                    i = ws(b, value_end(b, ws(b, i))?);
                    if *b.get(i)? != b',' {
                        return None;
                    }
                    i += 1;
                }
                i = ws(b, i);
            }
            _ => return None,
        }
    }
    let before = &text[..i];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, column))
}

fn ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Index just past the string starting at `i` (which is `"`).
fn string_end(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Index just past the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
            Some(j)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_skips_strings_with_brackets() {
        let text = "{\n  \"a\": \"x]}\\\"\",\n  \"edges\": [\n    {\"count\": 1},\n    {\"from\": \"{\", \"count\": 2}\n  ]\n}";
        let path = [Seg::Key("edges"), Seg::Index(1), Seg::Key("count")];
        assert_eq!(render(&path), "edges[1].count");
        assert_eq!(locate(text, &path), Some((5, 28)));
        assert_eq!(locate(text, &[Seg::Key("a")]), Some((2, 8)));
        assert_eq!(locate(text, &[Seg::Key("missing")]), None);
        assert_eq!(locate(text, &[Seg::Key("edges"), Seg::Index(2)]), None);
    }
}
