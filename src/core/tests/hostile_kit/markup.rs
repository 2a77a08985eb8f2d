//! The check that an HTML export is inert markup: only allowed elements and attributes, one data
//! block, entities well formed, every bidi opener isolated (docs/RELIABILITY.md).

use patuh_core::report::html;

use super::short;

/// Elements any patuh HTML export may contain. Anything else (script outside the data block, img,
/// svg, iframe, meta outside the head, link, form, …) means user text became markup.
pub const ELEMENTS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "header",
    "footer",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "div",
    "span",
    "strong",
    "em",
    "small",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "bdi",
    "br",
    "abbr",
    "sup",
    "sub",
    "figure",
    "figcaption",
    "details",
    "summary",
    "time",
    "aside",
    "nav",
];

/// Attributes any patuh HTML export may write (no event handler, no src, no srcdoc).
pub const ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "class",
    "id",
    "href",
    "rel",
    "scope",
    "colspan",
    "rowspan",
    "data-label",
    "style",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
    "title",
    "datetime",
    "type",
];

/// Characters that open a bidi embedding, override or isolate.
pub const BIDI_OPENERS: &[char] =
    &['\u{202a}', '\u{202b}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}'];

/// Checks an HTML export and returns it without its data block. `data` is whether the document
/// must carry the assessment file (`<script type="application/json" id="patuh-data">`): then it
/// is the only script, and it holds no raw `<`, `>`, `&`, U+2028, U+2029 or C0 control.
pub fn inert_markup(doc: &str, data: bool, what: &str) -> String {
    // The data block is cut out first; any other script element, in any letter case, then fails
    // the element check below.
    let markup = if data {
        let open = format!("<script type=\"application/json\" id=\"{}\">", html::DATA_ID);
        let start = doc.find(&open).unwrap_or_else(|| panic!("{what}: no data block"));
        let end = start + doc[start..].find("</script>").unwrap() + "</script>".len();
        let block = &doc[start + open.len()..end - "</script>".len()];
        assert!(
            !block.contains(['<', '>', '&', '\u{2028}', '\u{2029}']),
            "{what}: raw < > & U+2028 U+2029 in the data block"
        );
        assert!(
            !block.bytes().any(|b| b < b' ' && b != b'\n'),
            "{what}: control in the data block"
        );
        format!("{}{}", &doc[..start], &doc[end..])
    } else {
        doc.to_string()
    };
    // C0 controls but tab and line breaks, DEL, and C1 controls (UTF-8 C2 80 … C2 9F).
    let bytes = markup.as_bytes();
    if let Some(i) = bytes.iter().enumerate().position(|(i, &b)| {
        (b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    }) {
        panic!("{what}: raw control character at byte {i}: {:?}", short(&markup[i..]));
    }
    let head_end = markup.find("</head>").unwrap_or_else(|| panic!("{what}: no </head>"));
    let mut rest = markup.as_str();
    let mut at = 0;
    let mut in_style = false;
    let mut bdi = 0usize;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        if !in_style {
            entities_ok(text, what);
        }
        // A bidi override or isolate opened by user text stays inside a <bdi> in the body, so it
        // cannot reorder the report's own text (a score, a zone) around it.
        if at > head_end && bdi == 0 && text.contains(BIDI_OPENERS) {
            panic!("{what}: a bidi control outside a <bdi>: {}", short(text));
        }
        let after = &rest[lt + 1..];
        let gt = after.find('>').unwrap_or_else(|| panic!("{what}: unclosed tag"));
        let tag = &after[..gt];
        assert!(!tag.contains('<'), "{what}: '<' inside a tag: <{}", short(tag));
        if tag.starts_with("!DOCTYPE") {
            assert_eq!(tag, "!DOCTYPE html", "{what}");
        } else {
            let closing = tag.starts_with('/');
            let name = check_tag(tag.trim_start_matches('/'), what);
            if name == "meta" {
                assert!(at + lt < head_end, "{what}: <meta> outside the head");
            }
            if name == "style" {
                in_style = !closing;
            }
            if name == "bdi" {
                bdi = if closing { bdi.saturating_sub(1) } else { bdi + 1 };
            }
        }
        at += lt + 1 + gt + 1;
        rest = &after[gt + 1..];
    }
    entities_ok(rest, what);
    markup
}

/// Checks one tag (without `<`, `>` and a leading `/`) and returns its name.
pub fn check_tag(tag: &str, what: &str) -> String {
    let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    assert!(ELEMENTS.contains(&name.as_str()), "{what}: element <{}>", short(tag));
    let mut rest = tag[name.len()..].trim_end_matches('/');
    loop {
        rest = rest.trim_start_matches([' ', '\n']);
        if rest.is_empty() {
            break;
        }
        let attr: String =
            rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        assert!(ATTRIBUTES.contains(&attr.as_str()), "{what}: attribute in <{}>", short(tag));
        rest = &rest[attr.len()..];
        let Some(v) = rest.strip_prefix("=\"") else {
            continue; // a boolean attribute
        };
        let close = v.find('"').unwrap_or_else(|| panic!("{what}: unquoted <{}>", short(tag)));
        let value = &v[..close];
        entities_ok(value, what);
        match attr.as_str() {
            "href" => {
                let l = value.to_ascii_lowercase();
                assert!(
                    (l.starts_with("https://") || l.starts_with("http://") || l.starts_with('#'))
                        && !value.chars().any(|c| c.is_whitespace() || c.is_control()),
                    "{what}: href {}",
                    short(value)
                );
            }
            "style" => assert!(
                value.chars().all(|c| c.is_ascii_alphanumeric() || " :;.%-".contains(c)),
                "{what}: style {}",
                short(value)
            ),
            _ => {}
        }
        rest = &v[close + 1..];
    }
    name
}

/// Every `&` in text or an attribute value starts a character reference.
pub fn entities_ok(text: &str, what: &str) {
    for (i, _) in text.match_indices('&') {
        let t = &text[i + 1..];
        let ok = ["amp;", "lt;", "gt;", "quot;", "#39;", "nbsp;"].iter().any(|e| t.starts_with(e))
            || t.strip_prefix('#')
                .and_then(|d| d.split_once(';'))
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        assert!(ok, "{what}: a raw '&' in the markup: {}", short(&text[i..]));
    }
}
