//! Line and column of every field and list entry of a JSON text, so that
//! violations found on the parsed value can point into the text.

use std::collections::HashMap;

use crate::validate::{FieldPath, Location};

/// Positions of the fields (their keys) and list entries of `text`, which
/// must already have parsed as JSON; a text that does not gives what was
/// found before the problem.
pub(crate) fn locations(text: &str) -> HashMap<FieldPath, Location> {
    let mut scan = Scan {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        column: 1,
        found: HashMap::new(),
    };
    scan.space();
    let here = scan.here();
    scan.found.insert(FieldPath::root(), here);
    scan.value(&FieldPath::root(), 0);
    scan.found
}

/// The location of `path`, or of its nearest ancestor that has one (a
/// missing field is placed at the object that lacks it).
pub(crate) fn nearest(found: &HashMap<FieldPath, Location>, path: &FieldPath) -> Option<Location> {
    let mut path = path.clone();
    loop {
        if let Some(at) = found.get(&path) {
            return Some(*at);
        }
        if path.is_root() {
            return None;
        }
        path = path.parent();
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    column: usize,
    found: HashMap<FieldPath, Location>,
}

/// Deeper than this is not followed (serde_json stops at 128 anyway).
const MAX_DEPTH: usize = 256;

impl Scan<'_> {
    fn here(&self) -> Location {
        Location::new(self.line, self.column)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    // Bounded: offsets, lines and columns of the input text, at most its length.
    #[allow(clippy::arithmetic_side_effects)]
    fn bump(&mut self) {
        if let Some(b) = self.peek() {
            self.at += 1;
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    // Bounded: depth at most serde_json's recursion limit (128); indexes at most the input's length.
    #[allow(clippy::arithmetic_side_effects)]
    fn value(&mut self, path: &FieldPath, depth: usize) {
        if depth > MAX_DEPTH {
            self.at = self.bytes.len();
            return;
        }
        self.space();
        match self.peek() {
            Some(b'{') => {
                self.bump();
                loop {
                    self.space();
                    match self.peek() {
                        Some(b'"') => {
                            let here = self.here();
                            let key = self.string();
                            let at = path.clone().field(key);
                            self.found.insert(at.clone(), here);
                            self.space();
                            if self.peek() == Some(b':') {
                                self.bump();
                            }
                            self.value(&at, depth + 1);
                        }
                        Some(b',') => self.bump(),
                        Some(b'}') => {
                            self.bump();
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') => {
                self.bump();
                let mut index = 0;
                loop {
                    self.space();
                    match self.peek() {
                        Some(b',') => self.bump(),
                        Some(b']') => {
                            self.bump();
                            return;
                        }
                        None => return,
                        Some(_) => {
                            let at = path.clone().index(index);
                            self.found.insert(at.clone(), self.here());
                            let before = self.at;
                            self.value(&at, depth + 1);
                            if self.at == before {
                                return;
                            }
                            index += 1;
                        }
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while matches!(self.peek(), Some(b) if !matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'))
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// A string at the cursor (which is on its opening quote), unescaped as
    /// far as keys need (escapes are kept as the character after `\` for
    /// simple escapes; `\u` escapes are decoded).
    fn string(&mut self) -> String {
        self.bump();
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.bump();
                    break;
                }
                b'\\' => {
                    self.bump();
                    match self.peek() {
                        Some(b'u') => {
                            self.bump();
                            let hex: String = (0..4)
                                .filter_map(|_| {
                                    let c = self.peek()? as char;
                                    self.bump();
                                    Some(c)
                                })
                                .collect();
                            let c = u32::from_str_radix(&hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .unwrap_or('\u{FFFD}');
                            let mut buf = [0; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        Some(e) => {
                            out.push(match e {
                                b'n' => b'\n',
                                b't' => b'\t',
                                b'r' => b'\r',
                                b'b' => 8,
                                b'f' => 12,
                                other => other,
                            });
                            self.bump();
                        }
                        None => break,
                    }
                }
                _ => {
                    out.push(b);
                    self.bump();
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_entries() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"é\": 2\n}";
        let found = locations(text);
        assert_eq!(
            found.get(&"a".parse::<FieldPath>().unwrap()),
            Some(&Location::new(2, 3))
        );
        assert_eq!(
            found.get(&"a[1]".parse::<FieldPath>().unwrap()),
            Some(&Location::new(2, 12))
        );
        assert_eq!(
            found.get(&"a[1].b".parse::<FieldPath>().unwrap()),
            Some(&Location::new(2, 13))
        );
        assert_eq!(
            found.get(&"é".parse::<FieldPath>().unwrap()),
            Some(&Location::new(3, 3))
        );
        assert_eq!(
            nearest(&found, &"a[1].c".parse::<FieldPath>().unwrap()),
            Some(Location::new(2, 12))
        );
    }
}
