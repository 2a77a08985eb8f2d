//! Every downloadable file, made from the view-model the screen already shows (docs/SCORING.md
//! "One model"): the result screen's [`report::Report`], the recap screen's [`recap::Recap`], the
//! SKM screen's [`Survey`]. A download is one call; nothing is encoded or parsed again on the way,
//! except the save file the HTML report and the bundle embed (docs/FORMAT.md).

use crate::bundle::{self, Photo};
use crate::instrument::Lang;
use crate::recap::Recap;
use crate::report::{self, Report};
use crate::skm::{Subject, Survey};

/// A file format the user can download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Standalone HTML, printable, with the data embedded (docs/FORMAT.md).
    Html,
    /// PDF (A4).
    Pdf,
    /// CSV with a byte-order mark and the chosen delimiter.
    Csv,
}

impl Format {
    /// The file name extension (docs/FORMAT.md "File names").
    pub fn ext(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Csv => "csv",
        }
    }

    /// The media type the download is offered with (UTF-8 text for HTML and CSV).
    pub fn mime(self) -> &'static str {
        match self {
            Format::Html => "text/html;charset=utf-8",
            Format::Pdf => "application/pdf",
            Format::Csv => "text/csv;charset=utf-8",
        }
    }
}

/// The self-assessment report in `format`; `save` is the assessment's save file (docs/FORMAT.md),
/// which the HTML report embeds so that it reopens in patuh.
pub fn report_file(r: &Report, format: Format, delimiter: u8, save: &str) -> Vec<u8> {
    match format {
        Format::Html => report::html::render(r, save).into_bytes(),
        Format::Csv => report::csv::render(r, delimiter).into_bytes(),
        Format::Pdf => report::pdf::render(r),
    }
}

/// The evidence bundle: the save file, its HTML report and the photos (docs/FORMAT.md "Evidence
/// bundle"); `Err` only for a photo id that is not patuh's.
pub fn bundle_file(
    r: &Report,
    save: &str,
    photos: &[Photo],
) -> Result<Vec<u8>, bundle::BundleError> {
    let html = report::html::render_in_bundle(r, save);
    bundle::write(save, Some(&html), photos)
}

/// The pemda recap of many files in `format` (docs/SCORING.md §Pemda recap).
pub fn recap_file(r: &Recap, format: Format, lang: Lang, now: &str, delimiter: u8) -> Vec<u8> {
    match format {
        Format::Html => report::recap_html::render(r, lang, now).into_bytes(),
        Format::Csv => report::recap_csv::render(r, lang, delimiter).into_bytes(),
        Format::Pdf => report::pdf::render_recap(r, lang, now),
    }
}

/// The SKM/IKM result in `format` (Permenpan RB 14/2017; docs/SKM.md).
pub fn skm_file(
    s: &Survey,
    subject: &Subject,
    format: Format,
    lang: Lang,
    now: &str,
    delimiter: u8,
) -> Vec<u8> {
    match format {
        Format::Html => report::skm_doc::html(s, lang, subject, now).into_bytes(),
        Format::Csv => report::skm_doc::csv(s, lang, subject, delimiter).into_bytes(),
        Format::Pdf => report::pdf::render_skm(s, lang, subject, now),
    }
}
