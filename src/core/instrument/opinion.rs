//! The rules of an instrument that gives an **opinion** rather than a zone (the 2025 "Opini
//! Ombudsman", Perombudsman 61/2025; docs/SCORING.md §ori-2025): the two parts measured outside
//! the indicator walk (Output as secondary figures, public trust as a survey), the unit service
//! labels and the "Tanpa Maladministrasi" qualifier, each with the reason it is assumed.

use super::Localized;

/// One secondary figure of the Output dimension (IPM, SPM, IKM, national priorities;
/// docs/SCORING.md §Output).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureDef {
    /// Stable id the typed figure is stored under, e.g. `"ipm"`.
    pub id: String,
    /// Name of the figure.
    pub title: Localized,
    /// The agency that publishes it (BPS, Kemendagri, KemenPANRB, Bappenas).
    pub agency: String,
    /// Where to find it and what range it has.
    pub help: Localized,
}

/// The Output dimension of the 2025 round: secondary data typed in, not observed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputRules {
    /// Title of the part.
    pub title: Localized,
    /// Maximum points in hundredths (part of the 70 %).
    pub max_points: u32,
    /// The figures, in display order.
    pub figures: Vec<FigureDef>,
    /// What the user types and where it comes from.
    pub note: Localized,
    /// How the figures become points (not published).
    pub assumed: Localized,
}

/// One question of the public-trust survey.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionDef {
    /// Stable id the tallies are stored under, e.g. `"kp-standar"`.
    pub id: String,
    /// The statement the respondent answers.
    pub text: Localized,
}

/// The public-trust part (30 %; docs/SCORING.md §Public trust).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustRules {
    /// Title of the part.
    pub title: Localized,
    /// Maximum points in hundredths (3000 = 30,00).
    pub max_points: u32,
    /// Respondents aimed at per service product (the 2026 round aims at 30).
    pub target: u32,
    /// The questions.
    pub questions: Vec<QuestionDef>,
    /// Answer options from least to most trust; option `k` is worth `k` points.
    pub options: Vec<Localized>,
    /// How the survey is run.
    pub note: Localized,
    /// Why the questions and the computation are assumed.
    pub assumed: Localized,
}

/// A unit service label from a minimum score (Sangat Baik / Baik / Cukup / Kurang).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelDef {
    /// Lowest score with this label, in hundredths.
    pub min: u32,
    /// The label as published.
    pub label: Localized,
}

/// What turns a score into the published opinion (docs/SCORING.md §Opinion).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpinionRules {
    /// The suffix "Tanpa Maladministrasi".
    pub qualifier: Localized,
    /// When the suffix is added.
    pub qualifier_rule: Localized,
    /// The assumption for a body with no Ombudsman product addressed to it.
    pub qualifier_none_assumed: Localized,
    /// Who gets the certificate.
    pub certificate: Localized,
    /// Why the lowest quality edge is assumed.
    pub lowest_assumed: Localized,
    /// That zones are only the pre-2025 translation.
    pub zones_note: Localized,
    /// Unit service labels, lowest first; the first has `min == 0`.
    pub unit_labels: Vec<LabelDef>,
    /// Why their edges are assumed.
    pub unit_labels_assumed: Localized,
    /// The Output dimension as secondary figures.
    pub output: OutputRules,
    /// The public-trust survey.
    pub trust: TrustRules,
}

impl OpinionRules {
    /// The unit label of a rounded score (`>=` on two-decimal values, docs/SCORING.md §Opinion).
    pub fn unit_label(&self, score: u32) -> Option<&Localized> {
        self.unit_labels.iter().rev().find(|l| score >= l.min).map(|l| &l.label)
    }

    /// Checks the rules' own invariants; empty when valid.
    pub fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        let l = &self.unit_labels;
        if l.first().map(|x| x.min) != Some(0) || !l.windows(2).all(|w| w[0].min < w[1].min) {
            p.push("unit labels start at 0 and increase".into());
        }
        if self.output.figures.is_empty() || self.trust.questions.is_empty() {
            p.push("output has figures and trust has questions".into());
        }
        if self.trust.options.len() < 2 || self.trust.target == 0 {
            p.push("trust has at least two options and a target".into());
        }
        p
    }
}
