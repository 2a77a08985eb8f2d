//! Reading typed fields from a [`Value`] tree and building objects to write (docs/FORMAT.md
//! §JSON): the rules every file of patuh has always been read with — unknown fields are ignored,
//! a field given twice or of the wrong kind makes the file unreadable, `null` or a missing field
//! is "none" for an optional one, and fields with a default may be left out.

use std::collections::BTreeMap;

use super::Value;

/// A field is missing, duplicated or of the wrong kind (docs/FORMAT.md §JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bad;

/// The members of a JSON object, read field by field (docs/FORMAT.md §JSON).
#[derive(Clone, Copy, Debug)]
pub struct Obj<'a>(&'a [(String, Value)]);

impl<'a> Obj<'a> {
    /// The object `v`; anything else is [`Bad`].
    pub fn of(v: &'a Value) -> Result<Obj<'a>, Bad> {
        match v {
            Value::Object(m) => Ok(Obj(m)),
            _ => Err(Bad),
        }
    }

    /// Field `k`, if present; given twice is [`Bad`].
    pub fn get(&self, k: &str) -> Result<Option<&'a Value>, Bad> {
        let mut found = self.0.iter().filter(|(n, _)| n == k).map(|(_, v)| v);
        let first = found.next();
        match found.next() {
            Some(_) => Err(Bad),
            None => Ok(first),
        }
    }

    /// Field `k`, which must be present.
    pub fn req(&self, k: &str) -> Result<&'a Value, Bad> {
        self.get(k)?.ok_or(Bad)
    }

    /// A string field that must be present.
    pub fn string(&self, k: &str) -> Result<String, Bad> {
        string(self.req(k)?)
    }

    /// A string field that is empty when left out.
    pub fn text(&self, k: &str) -> Result<String, Bad> {
        self.get(k)?.map_or(Ok(String::new()), string)
    }

    /// A whole number field (`u32`) that must be present.
    pub fn count(&self, k: &str) -> Result<u32, Bad> {
        count(self.req(k)?)
    }

    /// A `true`/`false` field that is `false` when left out.
    pub fn flag(&self, k: &str) -> Result<bool, Bad> {
        match self.get(k)? {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(Bad),
        }
    }

    /// An optional field: left out or `null` is `None`, anything else is read by `f`.
    pub fn opt<T>(&self, k: &str, f: fn(&'a Value) -> Result<T, Bad>) -> Result<Option<T>, Bad> {
        match self.get(k)? {
            None | Some(Value::Null) => Ok(None),
            Some(v) => f(v).map(Some),
        }
    }

    /// An array field that must be present, each item read by `f`.
    pub fn list<T>(&self, k: &str, f: fn(&'a Value) -> Result<T, Bad>) -> Result<Vec<T>, Bad> {
        list(self.req(k)?, f)
    }

    /// An array field that is empty when left out.
    pub fn list_or<T>(&self, k: &str, f: fn(&'a Value) -> Result<T, Bad>) -> Result<Vec<T>, Bad> {
        self.get(k)?.map_or(Ok(Vec::new()), |v| list(v, f))
    }

    /// An object field read as a map by key (a later duplicate key wins), empty when left out.
    pub fn map<T>(
        &self,
        k: &str,
        f: fn(&'a Value) -> Result<T, Bad>,
    ) -> Result<BTreeMap<String, T>, Bad> {
        let Some(v) = self.get(k)? else { return Ok(BTreeMap::new()) };
        let mut out = BTreeMap::new();
        for (key, x) in Obj::of(v)?.0 {
            out.insert(key.clone(), f(x)?);
        }
        Ok(out)
    }
}

/// A string value.
pub fn string(v: &Value) -> Result<String, Bad> {
    v.as_str().map(str::to_string).ok_or(Bad)
}

/// A whole number in `0..=u32::MAX` (docs/FORMAT.md §JSON).
pub fn count(v: &Value) -> Result<u32, Bad> {
    v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(Bad)
}

/// An array, each item read by `f`.
pub fn list<'a, T>(v: &'a Value, f: fn(&'a Value) -> Result<T, Bad>) -> Result<Vec<T>, Bad> {
    match v {
        Value::Array(items) => items.iter().map(f).collect(),
        _ => Err(Bad),
    }
}

/// A string naming one of `names` (how the files write a choice, docs/FORMAT.md §JSON).
pub fn one_of<T: Copy>(v: &Value, names: &[(&str, T)]) -> Result<T, Bad> {
    let s = v.as_str().ok_or(Bad)?;
    names.iter().find(|(n, _)| *n == s).map(|(_, t)| *t).ok_or(Bad)
}

/// The name `t` has in `names` (the writing side of [`one_of`]).
pub fn name_of<T: PartialEq>(t: &T, names: &[(&'static str, T)]) -> Value {
    let n = names.iter().find(|(_, x)| x == t).map_or("", |(n, _)| n);
    Value::String(n.to_string())
}

/// An object being written, its members in the order they are added (docs/FORMAT.md §JSON).
#[derive(Clone, Debug, Default)]
pub struct Out(Vec<(String, Value)>);

impl Out {
    /// An empty object.
    pub fn new() -> Out {
        Out(Vec::new())
    }

    /// Adds member `k`.
    pub fn put(mut self, k: &str, v: Value) -> Out {
        self.0.push((k.to_string(), v));
        self
    }

    /// Adds member `k` when `keep` (the files leave out empty fields, docs/FORMAT.md §JSON).
    pub fn put_if(self, keep: bool, k: &str, v: impl FnOnce() -> Value) -> Out {
        if keep {
            self.put(k, v())
        } else {
            self
        }
    }

    /// Adds string member `k`.
    pub fn str(self, k: &str, s: &str) -> Out {
        self.put(k, Value::String(s.to_string()))
    }

    /// Adds string member `k` unless it is empty.
    pub fn text(self, k: &str, s: &str) -> Out {
        self.put_if(!s.is_empty(), k, || Value::String(s.to_string()))
    }

    /// Adds `k: true` when `b`.
    pub fn flag(self, k: &str, b: bool) -> Out {
        self.put_if(b, k, || Value::Bool(true))
    }

    /// The object.
    pub fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// Strings as an array.
pub fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| Value::String(s.clone())).collect())
}

/// A map as an object, in key order (docs/FORMAT.md §JSON).
pub fn object<T>(m: &BTreeMap<String, T>, f: impl Fn(&T) -> Value) -> Value {
    Value::Object(m.iter().map(|(k, v)| (k.clone(), f(v))).collect())
}
