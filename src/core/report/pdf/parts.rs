//! Pieces more than one document draws: user strings and figures, warnings, identity rows, framed
//! cards, dashed badges and the closing lines.

use super::doc::Doc;
use super::layout::{col, Block, Cell, Col, Line, BODY, LEFT, SMALL, WIDTH};
use super::text::Font;

use crate::exact::Hundredths;
use crate::instrument::Lang;
use crate::report::{texts, Figure};

/// A user string, or a dash when blank (as in the HTML report).
pub(super) fn user(s: &str) -> &str {
    if s.trim().is_empty() {
        "—"
    } else {
        s
    }
}

/// A warning line, led by a bold "(!)" as the HTML's ⚠.
pub(super) fn flag(d: &mut Doc, text: &str) {
    d.para(&Block::new(Font::Bold, "(!) ", BODY).then(Font::Regular, text), 0.0);
}

/// A framed card (as the HTML's `.card`): `body` draws inside a box 10 points in from the text
/// edges; the frame is drawn when the card stayed on one page.
pub(super) fn card(d: &mut Doc, keep: f32, body: impl FnOnce(&mut Doc)) {
    d.space(10.0);
    d.ensure(keep);
    let (page, top) = (d.done.len(), d.y);
    d.left += 10.0;
    d.width -= 20.0;
    d.y -= 2.0;
    body(d);
    d.left -= 10.0;
    d.width += 20.0;
    if d.done.len() == page {
        d.page.stroke_rect(LEFT, d.y, WIDTH, top - d.y, 1.5, 0.27);
    }
    d.y -= 4.0;
}

/// Bold text in a dashed box (the HTML's "Sementara" badge).
pub(super) fn dashed(d: &mut Doc, text: &str) {
    let lines = Block::new(Font::Bold, text, BODY).lines(d.width - 8.0);
    let h: f32 = lines.iter().map(Line::height).sum::<f32>() + 4.0;
    d.ensure(h);
    let (x, y, w) = (d.left, d.y, d.width);
    d.page.content.set_dash_pattern([2.0, 1.5], 0.0);
    d.page.stroke_rect(x, y - h, w, h, 1.0, 0.0);
    d.page.content.set_dash_pattern([], 0.0);
    d.y -= 2.0;
    d.lines(&lines, 4.0, None, 0.0);
    d.y -= 2.0;
}

/// The closing lines: privacy note and "Dibuat …".
pub(super) fn closing(d: &mut Doc, lang: Lang, generated_at: &str) {
    let t = texts(lang);
    d.space(8.0);
    d.para(&Block::new(Font::Bold, t.privacy, BODY), 0.0);
    d.space(10.0);
    d.para(
        &Block::small(
            format!(
                "{} {}",
                t.generated,
                user(&crate::report::wording::format_moment(generated_at, lang))
            ),
            SMALL,
        ),
        0.0,
    );
}

/// A figure's text in `lang` (recap and SKM tables).
pub(super) fn num(h: Hundredths, lang: Lang) -> String {
    Figure::new(h, lang).text
}

/// Label and value columns of an identity table.
pub(super) const FACTS: [Col; 2] = [col(32.0, false), col(68.0, false)];

/// A row of an identity table: the label in bold, then the value.
pub(super) fn fact(label: &str, value: &str) -> Vec<Cell> {
    vec![Cell::bold(label), Cell::plain(value)]
}
