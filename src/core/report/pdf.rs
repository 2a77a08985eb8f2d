//! The report as a real PDF file, made in pure Rust so it can be generated in the browser
//! (selectable text, the same contents as the HTML report).
//!
//! The sections and their order mirror `html.rs`. Text is set in the standard 14 fonts Helvetica
//! and Helvetica-Bold with WinAnsiEncoding, so no font file is embedded and the wasm stays small.
//! Layout is done here: words are wrapped with the fonts' AFM glyph widths, a word wider than its
//! line is broken by force, pages break with a small repeated header and footer
//! ("patuh — <OPD> — halaman N dari M"), and tables repeat their header row on every page and only
//! split a row across pages when it is taller than a page.
//!
//! Characters outside WinAnsi (emoji, CJK, marks of direction, controls) never break the file:
//! common ones are mapped (spaces, dashes, quotes, arrows, comparison signs), invisible formatting
//! characters are dropped, line separators break the line, and anything else becomes `?`. Zones
//! are drawn as a coloured shape (circle, triangle, square, diamond) next to the zone name, never
//! by colour alone. Photos are not embedded; the evidence says how many are in the evidence bundle.
//!
//! The same machinery also makes the PDF of the pemda recap ([`render_recap`], the contents of
//! `recap_html`) and of the SKM/IKM result ([`render_skm`], the contents of `skm_doc::html`), and
//! the comparison section of the single report when one is attached, with each change as a drawn
//! triangle or a symbol plus its word.

mod actions;
mod assessment;
mod compare;
mod doc;
mod layout;
mod opinion;
mod parts;
mod readiness;
mod recap;
mod sheets;
mod skm;
mod text;
mod write;

pub use assessment::render;
pub use recap::render_recap;
pub use sheets::{render_interview, render_questionnaire};
pub use skm::render_skm;
pub use text::{text_width, to_winansi};
