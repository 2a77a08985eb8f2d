//! Every downloadable file, produced from one serialisable request.
//!
//! The app's first load carries no file renderer (docs/PERFORMANCE.md): the report model, the HTML,
//! CSV and PDF writers, the evidence ZIP and the recap and SKM documents are compiled into a second
//! wasm module (`src/tools`) that the app loads on the first download. The app sends a [`Request`]
//! as JSON and gets the file's bytes back; this module is the whole of that module's logic, so it
//! is tested natively like the rest of the core.

use serde::{Deserialize, Serialize};

use crate::bundle::{self, Photo};
use crate::instrument::{self, Lang};
use crate::report::{self, comparison};
use crate::skm::{Counts, Survey};
use crate::{compare, persist, recap};

/// A file format the user can download.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Standalone HTML, printable, with the data embedded (docs/FORMAT.md).
    Html,
    /// PDF (A4).
    Pdf,
    /// CSV with a byte-order mark and the chosen delimiter.
    Csv,
}

impl Format {
    /// The file name extension.
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

/// What to produce (the app builds it, the tools module reads it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Request {
    /// The self-assessment report of one OPD, with the comparison when `before` is
    /// given.
    Report {
        /// The format asked for.
        format: Format,
        /// The assessment as a save-format file (docs/FORMAT.md); embedded as is in the HTML.
        doc: String,
        /// An earlier save file of the same OPD to compare with.
        before: Option<String>,
        /// The language of the file.
        lang: Lang,
        /// When the file is made (ISO 8601), printed in it.
        now: String,
        /// The CSV delimiter (`;` or `,`); ignored by the other formats.
        delimiter: u8,
    },
    /// The evidence bundle: the save file, its HTML report and the photos.
    Bundle {
        /// The assessment as a save-format file (docs/FORMAT.md).
        doc: String,
        /// An earlier save file, for the comparison in the bundled report.
        before: Option<String>,
        /// The language of the bundled report.
        lang: Lang,
        /// When the bundle is made (ISO 8601).
        now: String,
    },
    /// The pemda recap of many files.
    Recap {
        /// The format asked for.
        format: Format,
        /// Each file as `(name, text)`, as `recap::recap` reads them.
        files: Vec<(String, String)>,
        /// The language of the file.
        lang: Lang,
        /// When the file is made (ISO 8601).
        now: String,
        /// The CSV delimiter.
        delimiter: u8,
    },
    /// The SKM/IKM result (Permenpan RB 14/2017, docs/SOURCES.md §SKM).
    Skm {
        /// The format asked for.
        format: Format,
        /// Answers 1–4 counted per unsur.
        counts: Counts,
        /// The language of the file.
        lang: Lang,
        /// When the file is made (ISO 8601).
        now: String,
        /// The CSV delimiter.
        delimiter: u8,
    },
}

/// Why a file could not be produced (only a request the app did not build itself can fail).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// The request is not valid JSON of a [`Request`].
    Request(String),
    /// The assessment inside the request does not decode (docs/FORMAT.md).
    Document(persist::DecodeError),
    /// The assessment names an instrument this build does not ship.
    Instrument(String),
    /// The SKM counts are not a valid survey.
    Survey,
    /// The ZIP could not be written (a photo id that is not ours).
    Bundle,
}

/// Produces the bytes of the requested file; `photos` go into an evidence bundle only.
pub fn produce(req: &Request, photos: &[Photo]) -> Result<Vec<u8>, ExportError> {
    match req {
        Request::Report { format, doc, before, lang, now, delimiter } => {
            let report = report_of(doc, before.as_deref(), *lang, now)?;
            Ok(match format {
                Format::Html => report::html::render(&report, doc).into_bytes(),
                Format::Csv => report::csv::render(&report, *delimiter).into_bytes(),
                Format::Pdf => report::pdf::render(&report),
            })
        }
        Request::Bundle { doc, before, lang, now } => {
            let report = report_of(doc, before.as_deref(), *lang, now)?;
            let html = report::html::render(&report, doc);
            bundle::write(doc, Some(&html), photos).map_err(|_| ExportError::Bundle)
        }
        Request::Recap { format, files, lang, now, delimiter } => {
            let r = recap::recap(files);
            Ok(match format {
                Format::Html => report::recap_html::render(&r, *lang, now).into_bytes(),
                Format::Csv => report::recap_csv::render(&r, *lang, *delimiter).into_bytes(),
                Format::Pdf => report::pdf::render_recap(&r, *lang, now),
            })
        }
        Request::Skm { format, counts, lang, now, delimiter } => {
            let s = Survey::from_counts(*counts).map_err(|_| ExportError::Survey)?;
            Ok(match format {
                Format::Html => report::skm_doc::html(&s, *lang, "SKM", now).into_bytes(),
                Format::Csv => report::skm_doc::csv(&s, *lang, "SKM", *delimiter).into_bytes(),
                Format::Pdf => report::pdf::render_skm(&s, *lang, "SKM", now),
            })
        }
    }
}

/// [`produce`] for a request as JSON text, as the tools module receives it.
pub fn produce_json(req: &str, photos: &[Photo]) -> Result<Vec<u8>, ExportError> {
    let req: Request =
        serde_json::from_str(req).map_err(|e| ExportError::Request(e.to_string()))?;
    produce(&req, photos)
}

/// The report model of a save file, with the comparison when an earlier file of the same
/// instrument is given (report.rs; comparison rules: compare.rs).
fn report_of(
    doc: &str,
    before: Option<&str>,
    lang: Lang,
    now: &str,
) -> Result<report::Report, ExportError> {
    let a = persist::decode(doc).map_err(ExportError::Document)?.assessment;
    let ins = instrument::by_id(&a.instrument)
        .ok_or_else(|| ExportError::Instrument(a.instrument.clone()))?;
    let r = report::build(ins, &a, lang, now);
    let prev = before.and_then(|b| persist::decode(b).ok()).map(|s| s.assessment);
    Ok(match prev.and_then(|b| compare::compare(ins, &b, &a).ok()) {
        Some(c) => r.with_comparison(comparison::view(&c, ins, lang)),
        None => r,
    })
}
