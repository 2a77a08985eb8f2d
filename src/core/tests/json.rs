//! The core's JSON reader and writer (docs/FORMAT.md §JSON): files written by the earlier reader
//! (serde_json) reopen and are written again byte for byte; the reader and writer agree with
//! serde_json on any value; hostile text (deep nesting, huge numbers, controls, garbage after the
//! value) is refused or read without a panic.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use patuh_core::json::{self, Value};
use patuh_core::persist::{self, decode, encode, DecodeError};
use proptest::prelude::*;

/// Written by patuh before its own writer replaced serde_json (the 2025 instrument migrated from
/// version 1, every optional field, hostile and non-ASCII strings, the largest counts).
const WRITTEN_BY_SERDE: &str = include_str!("fixtures/written-by-serde.json");

#[test]
fn a_file_written_by_the_earlier_writer_is_written_again_byte_for_byte() {
    let s = decode(WRITTEN_BY_SERDE).unwrap();
    let a = &s.assessment;
    assert!(a.opd.contains("</script>") && a.opd.contains('\u{0}') && a.opd.contains('😀'));
    assert_eq!(a.next_id, u32::MAX);
    assert_eq!(a.units[0].products[0].trust["kp-adil"], vec![u32::MAX, 0, 0, 0]);
    assert_eq!(a.followups.len(), 2);
    assert!(!a.earlier.is_empty() && !a.units[0].output.is_empty());
    assert_eq!(encode(a, &s.saved_at), WRITTEN_BY_SERDE);
}

#[test]
fn the_kept_fixtures_reopen_the_same_after_a_save() {
    for name in ["format-v1-ori-2016", "format-v1-ori-2022", "format-v1-ori-2025-v1"] {
        let text = std::fs::read_to_string(format!("tests/fixtures/{name}.json")).unwrap();
        let s = decode(&text).unwrap();
        let again = decode(&encode(&s.assessment, &s.saved_at)).unwrap();
        assert_eq!(again, s, "{name}");
    }
}

#[test]
fn deep_nesting_never_exhausts_the_stack() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(json::parse(&deep(1_000_000)).is_ok());
    assert!(json::parse(&"[".repeat(persist::MAX_BYTES)).is_err());
    assert!(json::parse(&"{\"a\":".repeat(500_000)).is_err());
    let objects = format!("{}1{}", "{\"a\":".repeat(200_000), "}".repeat(200_000));
    assert!(json::parse(&objects).is_ok());
    // An unknown field nested deep does not stop a file from opening.
    let with = WRITTEN_BY_SERDE.replacen("{\n", &format!("{{\n  \"x\": {},\n", deep(100_000)), 1);
    assert_eq!(decode(&with).unwrap(), decode(WRITTEN_BY_SERDE).unwrap());
    let broken = WRITTEN_BY_SERDE.replacen("{\n", &format!("{{\n  \"x\": {},\n", deep(9)), 1);
    assert_eq!(decode(&broken.replacen("]]", "]}", 1)).unwrap_err(), DecodeError::NotJson);
}

#[test]
fn numbers_are_exact_and_out_of_range_counts_are_refused() {
    let v = json::parse("[18446744073709551615, 18446744073709551616, -0, 1.0, 1e2, 7]").unwrap();
    let Value::Array(n) = &v else { panic!() };
    let got: Vec<_> = n.iter().map(Value::as_u64).collect();
    assert_eq!(got, [Some(u64::MAX), None, None, None, None, Some(7)]);
    assert_eq!(json::write(&v, false), "[18446744073709551615,18446744073709551616,-0,1.0,1e2,7]");
    for bad in ["4294967296", "-1", "1.5", "1e0", "\"2\"", "null"] {
        let text =
            WRITTEN_BY_SERDE.replace("\"next_id\": 4294967295", &format!("\"next_id\": {bad}"));
        assert_eq!(decode(&text).unwrap_err(), DecodeError::Invalid(persist::Problem::Structure));
    }
}

#[test]
fn refused_text() {
    for bad in [
        "",
        " ",
        "01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "'a'",
        "[1 2]",
        "\"\u{1}\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "nul",
        "truex",
        "[] []",
        "{}}",
        "\"abc",
        "[",
        "\u{feff}{}",
        "NaN",
        "Infinity",
    ] {
        assert!(json::parse(bad).is_err(), "{bad:?}");
    }
    assert_eq!(json::parse(" \t\r\n{} \n").unwrap(), Value::Object(vec![]));
    assert_eq!(json::parse("\"\\ud83d\\ude00\\/\"").unwrap(), Value::String("😀/".into()));
}

/// Any JSON value, with every kind of character in its strings.
fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<u64>().prop_map(|n| n.into()),
        any::<i64>().prop_map(|n| n.into()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| f.into()),
        any::<String>().prop_map(serde_json::Value::String),
        "[\\x00-\\x7f]{0,8}".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[\\x00-\\x7f\u{80}-\u{10ffff}]{0,6}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The same value in the core's tree.
fn ours(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => Value::Number(n.to_string()),
        serde_json::Value::String(s) => Value::String(s.clone()),
        serde_json::Value::Array(a) => Value::Array(a.iter().map(ours).collect()),
        serde_json::Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), ours(v))).collect())
        }
    }
}

/// The same value, numbers compared by their value (`1E2` and `100.0` are one number).
fn same(a: &Value, b: &serde_json::Value) -> bool {
    match (a, b) {
        (Value::Number(x), serde_json::Value::Number(y)) => x.parse::<f64>().ok() == y.as_f64(),
        (Value::Array(x), serde_json::Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
        }
        (Value::Object(x), serde_json::Value::Object(y)) => {
            // serde_json keeps the last of duplicated keys.
            let last: std::collections::BTreeMap<_, _> = x.iter().map(|(k, v)| (k, v)).collect();
            last.len() == y.len() && last.iter().all(|(k, v)| y.get(*k).is_some_and(|w| same(v, w)))
        }
        _ => *a == ours(b),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn reader_and_writer_agree_with_serde_json(v in value()) {
        let (compact, pretty) =
            (serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap());
        let mine = ours(&v);
        prop_assert_eq!(json::write(&mine, false), compact.clone());
        prop_assert_eq!(json::write(&mine, true), pretty.clone());
        prop_assert_eq!(json::parse(&compact).unwrap(), mine.clone());
        prop_assert_eq!(json::parse(&pretty).unwrap(), mine);
    }

    #[test]
    fn hostile_text_is_judged_as_serde_json_judges_it(s in "[\\[\\]{}\",:0-9.eE+\\-tuners\\\\ a\u{1}\u{e9}]{0,24}") {
        let theirs = serde_json::from_str::<serde_json::Value>(&s);
        match (json::parse(&s), theirs) {
            (Ok(a), Ok(b)) => prop_assert!(same(&a, &b), "{s:?}"),
            (Err(_), Err(_)) => {}
            (Ok(_), Err(e)) => prop_assert!(e.to_string().contains("out of range"), "{s:?}: {e}"),
            (Err(_), Ok(_)) => prop_assert!(false, "{s:?} refused, serde_json reads it"),
        }
    }

    #[test]
    fn a_saved_file_reopens_identically_after_any_cut(cut in 0usize..4736, junk in "[\\x00-\\x7f]{0,3}") {
        let cut = (0..=cut).rev().find(|&i| WRITTEN_BY_SERDE.is_char_boundary(i)).unwrap_or(0);
        let text = format!("{}{junk}", &WRITTEN_BY_SERDE[..cut]);
        let _ = persist::entry(&text);
        if let Ok(s) = decode(&text) {
            prop_assert_eq!(s, decode(WRITTEN_BY_SERDE).unwrap());
        }
    }
}
