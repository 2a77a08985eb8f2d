//! A small JSON reader and writer for patuh's own files (docs/FORMAT.md §JSON): text is parsed
//! into one [`Value`] tree (RFC 8259, strict), each type is read from the tree by a plain
//! function, and written back as a tree printed the way the files have always been written
//! (docs/FORMAT.md §JSON). Nothing here panics on any input: deep nesting is checked without
//! recursion, numbers are kept as their text (integers stay exact), lone surrogates are refused.

mod read;

pub use read::{count, list, name_of, object, one_of, string, strings, Bad, Obj, Out};

/// The deepest nesting of arrays and objects kept in the tree (docs/FORMAT.md §JSON): no field of
/// a patuh file lies that deep, so anything deeper (an unknown field) is checked for syntax
/// without recursion and kept as `null`, and deep text cannot exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value (docs/FORMAT.md §JSON). Objects keep their members in file order,
/// duplicates included, so a reader can refuse a duplicated field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its text (valid JSON number grammar).
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in file order.
    Object(Vec<(String, Value)>),
}

/// The text is not JSON: a syntax error, a lone surrogate escape, or text after the value
/// (docs/FORMAT.md §JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError;

impl Value {
    /// A whole number in `0..=u64::MAX` written without fraction or exponent (as the files write
    /// counts and versions, docs/FORMAT.md §JSON).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse().ok(),
            _ => None,
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number value of a whole number (docs/FORMAT.md §JSON).
    pub fn from_u64(n: u64) -> Value {
        Value::Number(n.to_string())
    }
}

/// Parses one JSON value surrounded by optional whitespace (docs/FORMAT.md §JSON).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
    let v = p.value()?;
    p.ws();
    if p.i == p.s.len() {
        Ok(v)
    } else {
        Err(SyntaxError)
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        self.i += usize::from(hit);
        hit
    }

    fn word(&mut self, w: &[u8], v: Value) -> Result<Value, SyntaxError> {
        if self.s.get(self.i..self.i + w.len()) == Some(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(SyntaxError)
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.ws();
        match self.peek().ok_or(SyntaxError)? {
            b'n' => self.word(b"null", Value::Null),
            b't' => self.word(b"true", Value::Bool(true)),
            b'f' => self.word(b"false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'[' | b'{' => self.nested(),
            _ => self.number(),
        }
    }

    /// An array or an object, one level deeper.
    fn nested(&mut self) -> Result<Value, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return self.skip().map(|()| Value::Null);
        }
        self.depth += 1;
        let object = self.peek() == Some(b'{');
        let close = if object { b'}' } else { b']' };
        self.i += 1;
        let (mut items, mut members) = (Vec::new(), Vec::new());
        self.ws();
        if !self.eat(close) {
            loop {
                if object {
                    let k = self.key()?;
                    members.push((k, self.value()?));
                } else {
                    items.push(self.value()?);
                }
                self.ws();
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return Err(SyntaxError);
                }
            }
        }
        self.depth -= 1;
        Ok(if object { Value::Object(members) } else { Value::Array(items) })
    }

    /// Checks an array or object without keeping it and without recursion (deeper than
    /// [`MAX_DEPTH`]).
    fn skip(&mut self) -> Result<(), SyntaxError> {
        let mut open: Vec<bool> = Vec::new(); // true: an object
        loop {
            self.ws();
            match self.peek() {
                Some(b @ (b'[' | b'{')) => {
                    self.i += 1;
                    self.ws();
                    if !self.eat(if b == b'{' { b'}' } else { b']' }) {
                        open.push(b == b'{');
                        if b == b'{' {
                            self.key()?;
                        }
                        continue;
                    }
                }
                _ => {
                    self.value()?;
                }
            }
            // After a value: close what ends here, or go on after a comma.
            loop {
                let Some(&object) = open.last() else { return Ok(()) };
                self.ws();
                if self.eat(b',') {
                    if object {
                        self.key()?;
                    }
                    break;
                }
                if !self.eat(if object { b'}' } else { b']' }) {
                    return Err(SyntaxError);
                }
                open.pop();
            }
        }
    }

    /// An object member's key and its colon.
    fn key(&mut self) -> Result<String, SyntaxError> {
        self.ws();
        if self.peek() != Some(b'"') {
            return Err(SyntaxError);
        }
        let k = self.string()?;
        self.ws();
        if self.eat(b':') {
            Ok(k)
        } else {
            Err(SyntaxError)
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.i;
        self.eat(b'-');
        let lead = self.peek();
        let n = self.digits();
        if n == 0 || (lead == Some(b'0') && n > 1) {
            return Err(SyntaxError);
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(SyntaxError);
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(SyntaxError);
            }
        }
        let text = self.s.get(start..self.i).ok_or(SyntaxError)?;
        Ok(Value::Number(String::from_utf8_lossy(text).into_owned()))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let h = self.s.get(self.i..self.i + 4).ok_or(SyntaxError)?;
        let mut n = 0;
        for &b in h {
            n = n * 16 + char::from(b).to_digit(16).ok_or(SyntaxError)?;
        }
        self.i += 4;
        Ok(n)
    }

    /// A `\u` escape, with its low surrogate when it is a high one; a lone surrogate is refused.
    fn unicode(&mut self) -> Result<char, SyntaxError> {
        let hi = self.hex4()?;
        let c = match hi {
            0xD800..=0xDBFF => {
                if !(self.eat(b'\\') && self.eat(b'u')) {
                    return Err(SyntaxError);
                }
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(SyntaxError);
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            _ => hi,
        };
        char::from_u32(c).ok_or(SyntaxError)
    }

    /// A string; the text between escapes is copied as it is (the input is UTF-8 already).
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.i += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek().ok_or(SyntaxError)?;
            self.i += 1;
            match b {
                b'"' => return String::from_utf8(out).map_err(|_| SyntaxError),
                b'\\' => {
                    let e = self.peek().ok_or(SyntaxError)?;
                    self.i += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => return Err(SyntaxError),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..=0x1F => return Err(SyntaxError),
                _ => out.push(b),
            }
        }
    }
}

/// Writes `v` as the files are written (docs/FORMAT.md §JSON): `pretty` indents by two spaces with
/// `": "` between a key and its value; otherwise no whitespace at all. Empty arrays and objects
/// are `[]` and `{}`.
pub fn write(v: &Value, pretty: bool) -> String {
    let mut out = String::new();
    put(&mut out, v, if pretty { Some(0) } else { None });
    out
}

fn put(out: &mut String, v: &Value, indent: Option<usize>) {
    let inner = indent.map(|n| n + 1);
    let line = |out: &mut String, n: Option<usize>| {
        if let Some(n) = n {
            out.push('\n');
            out.extend(std::iter::repeat_n("  ", n));
        }
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(n),
        Value::String(s) => quote(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { "," });
                line(out, inner);
                put(out, x, inner);
            }
            line(out, indent);
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (k, x)) in members.iter().enumerate() {
                out.push_str(if i == 0 { "" } else { "," });
                line(out, inner);
                quote(out, k);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                put(out, x, inner);
            }
            line(out, indent);
            out.push('}');
        }
    }
}

/// A quoted string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes,
/// everything else (non-ASCII included) as it is (docs/FORMAT.md §JSON).
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = usize::from(c as u8);
                out.push_str("\\u00");
                out.push(char::from(HEX[n >> 4]));
                out.push(char::from(HEX[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
