//! Dates and times as an official reads them (docs/FORMAT.md §Dates and names for a reader):
//! "3 Desember 2026, 13.43" in Indonesian, "3 December 2026, 13:43" in English. One rule for the
//! reports' footers (UTC, marked) and the start screen's saved list (the browser's local time).

use crate::instrument::Lang;

/// The months written out, Indonesian then English.
const MONTHS: [[&str; 12]; 2] = [
    [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
];

/// Day, month and year written out ("3 Desember 2026"); `None` outside a real month and day.
fn date_words(y: u32, m: u32, d: u32, lang: Lang) -> Option<String> {
    let names = &MONTHS[usize::from(lang == Lang::En)];
    let month = names.get((m as usize).checked_sub(1)?)?;
    (1..=31).contains(&d).then(|| format!("{d} {month} {y}"))
}

/// An ISO `yyyy-mm-dd` date written out ("23 November 2026"); anything else is kept as typed
/// (docs/FORMAT.md §Dates and names for a reader).
pub fn format_date(iso: &str, lang: Lang) -> String {
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = iso.trim().split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return iso.to_string();
    };
    match (num(y, 4), num(m, 2), num(d, 2)) {
        (Some(y), Some(m), Some(d)) => date_words(y, m, d, lang).unwrap_or_else(|| iso.to_string()),
        _ => iso.to_string(),
    }
}

/// A moment as an official reads it, the clock in the language's style: ISO 8601 digits
/// ("2026-12-03T13:43", seconds and anything after them ignored) become "3 Desember 2026, 13.43" /
/// "3 December 2026, 13:43" (docs/FORMAT.md §Dates and names for a reader). Which zone the digits
/// are in is the caller's to say; `None` when they are no real date and time.
pub fn format_clock(iso: &str, lang: Lang) -> Option<String> {
    let b = iso.as_bytes();
    let num = |from: usize, to: usize| {
        iso.get(from..to)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let shape = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':')];
    if !shape.iter().all(|&(i, c)| b.get(i) == Some(&c)) {
        return None;
    }
    let day = date_words(num(0, 4)?, num(5, 7)?, num(8, 10)?, lang)?;
    let (h, min) = (num(11, 13).filter(|h| *h < 24)?, num(14, 16).filter(|m| *m < 60)?);
    Some(match lang {
        Lang::Id => format!("{day}, {h:02}.{min:02}"),
        Lang::En => format!("{day}, {h:02}:{min:02}"),
    })
}

/// When a file was made, as an official reads it: an ISO UTC timestamp
/// ("2026-12-03T13:50:54.527Z") becomes the date written out and the time marked UTC ("3 Desember
/// 2026, 13.50 UTC"; the user's zone is unknown to a file); anything else is kept as given
/// (docs/FORMAT.md §Dates and names for a reader).
pub fn format_moment(iso: &str, lang: Lang) -> String {
    let s = iso.trim();
    s.ends_with('Z')
        .then(|| format_clock(s, lang))
        .flatten()
        .map_or_else(|| s.to_string(), |t| format!("{t} UTC"))
}
