//! Interface text in Indonesian (default) and English: one table per language (`i18n/id.rs`,
//! `i18n/en.rs`) of the fields in `i18n/tables.rs`, so a translator edits one file per language
//! and a text missing in one language fails to compile. Instrument text lives in the instrument
//! files, and the words the files (HTML, PDF, CSV) share with the screens in the core.

mod en;
mod id;
mod tables;

use patuh_core::instrument::Confidence;
use patuh_core::open::OpenError;
use patuh_core::Lang;

pub use en::EN;
pub use id::ID;
pub use tables::{More, Texts};

impl std::ops::Deref for Texts {
    type Target = More;
    fn deref(&self) -> &More {
        match self.lang {
            Lang::Id => &id::MORE_ID,
            Lang::En => &en::MORE_EN,
        }
    }
}

/// The texts of a language.
pub fn t(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Id => &ID,
        Lang::En => &EN,
    }
}

/// A score in the language's number format ("49,85" / "49.85").
pub fn num(lang: Lang, h: patuh_core::Hundredths) -> String {
    match lang {
        Lang::Id => h.id(),
        Lang::En => h.en(),
    }
}

/// "12 dari 40" / "12 of 40".
pub fn of(lang: Lang, a: u32, b: u32) -> String {
    (t(lang).of)(a, b)
}

/// "Perbaiki 3 hal ini untuk naik ke Zona Hijau (A)".
pub fn plan_title(lang: Lang, n: usize, target: &str) -> String {
    (t(lang).plan_title)(n, target)
}

/// A file that could not be made (an evidence bundle whose photo store is not patuh's), in the
/// user's language.
pub fn file_not_made(lang: Lang) -> String {
    t(lang).file_not_made.to_string()
}

/// The app module (every screen past the start screen) could not be loaded, in the user's language.
pub fn app_unavailable(lang: Lang) -> String {
    t(lang).app_unavailable.to_string()
}

/// Why a file could not be opened, in the user's language (the core's wording, `open::message`,
/// shared with the recap report's list of unreadable files).
pub fn decode_error(lang: Lang, e: &OpenError) -> String {
    patuh_core::open::message(e, lang)
}

/// The confidence tag in words.
pub fn confidence(lang: Lang, c: Confidence) -> &'static str {
    let levels = t(lang).confidence_levels;
    match c {
        Confidence::C => levels[0],
        Confidence::C2 => levels[1],
        Confidence::P => levels[2],
        Confidence::U => levels[3],
    }
}
