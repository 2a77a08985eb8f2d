//! The SKM result as every view shows it (the calculator screen, the HTML, the PDF and the CSV):
//! per unsur Σ scores, respondents, NRR and weighted NRR, their total and the IKM, computed here
//! once (Permenpan RB 14/2017, docs/SKM.md §Formula).

use super::{Ikm, Sample, Survey, Unsur, N_UNSUR, UNSUR};
use crate::exact::Ratio;
use crate::instrument::Lang;

/// One unsur's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnsurRow {
    /// The unsur (code and name).
    pub unsur: &'static Unsur,
    /// Answers with the values 1, 2, 3 and 4.
    pub counts: [u32; 4],
    /// Σ scores = 1 × count₁ + 2 × count₂ + 3 × count₃ + 4 × count₄.
    pub sum: u64,
    /// Respondents who answered this unsur (the n of its NRR).
    pub respondents: u64,
    /// NRR = Σ scores / respondents, exact.
    pub nrr: Ratio,
    /// Weighted NRR = NRR × 1/9, exact.
    pub weighted: Ratio,
}

/// The SKM result laid out for display: the respondents and what patuh can say of their number,
/// the nine rows, Σ weighted NRR and the IKM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkmView {
    /// Respondents (every unsur has this many answers).
    pub respondents: u64,
    /// Whether that sample is small (docs/SKM.md §Sample size).
    pub sample: Sample,
    /// The nine unsur in the order of `UNSUR`.
    pub rows: Vec<UnsurRow>,
    /// Σ of the weighted NRRs (the IKM is 25 × this).
    pub weighted_total: Ratio,
    /// The IKM, its mutu and the 0,11-weight figure.
    pub ikm: Ikm,
}

impl Survey {
    /// The view every SKM screen and document lays out (docs/SKM.md §Formula).
    pub fn view(&self) -> SkmView {
        let ikm = self.ikm();
        let ninth = Ratio::new(1, N_UNSUR as u128).unwrap_or(Ratio::ZERO);
        let rows: Vec<UnsurRow> = UNSUR
            .iter()
            .zip(self.counts())
            .zip(&ikm.nrr)
            .map(|((unsur, c), &nrr)| UnsurRow {
                unsur,
                counts: *c,
                sum: c.iter().zip(1u64..).map(|(&k, v)| u64::from(k) * v).sum(),
                respondents: c.iter().map(|&x| u64::from(x)).sum(),
                nrr,
                weighted: nrr * ninth,
            })
            .collect();
        let weighted_total = rows.iter().fold(Ratio::ZERO, |t, r| t + r.weighted);
        let respondents = self.respondents();
        SkmView { respondents, sample: Sample::of(respondents), rows, weighted_total, ikm }
    }
}

/// A ratio rounded half-up to three decimals, in the language's number format: 31/10 → "3,100"
/// (how an NRR is shown, docs/SKM.md §Formula); never divides by zero or overflows.
pub fn three_decimals(r: Ratio, lang: Lang) -> String {
    let den = r.den().max(1);
    let t = r.num().saturating_mul(2000).saturating_add(den) / den.saturating_mul(2);
    let sep = match lang {
        Lang::Id => ',',
        Lang::En => '.',
    };
    format!("{}{sep}{:03}", t / 1000, t % 1000)
}
