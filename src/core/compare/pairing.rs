//! Pairing the units and products of two assessments: by id and by name, so a renamed unit keeps
//! its pairing and two units whose ids were swapped are still paired by name (see [`pair_up`]).

/// How a unit or product of one assessment was paired with one of the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MatchedBy {
    /// Same id (and, if the name changed, see [`Pair::renamed`]).
    Id,
    /// Same name, case-insensitive, trimmed, inner spaces collapsed; ids differ.
    Name,
}

/// An id and a name on one side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    /// Id inside its assessment.
    pub id: String,
    /// Name as typed.
    pub name: String,
}

/// A unit or product on both sides; one side is `None` when it exists on one side only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// In the earlier assessment.
    pub before: Option<Named>,
    /// In the later assessment.
    pub after: Option<Named>,
    /// How they were paired; `None` when one side is missing.
    pub matched_by: Option<MatchedBy>,
}

impl Pair {
    /// The name to show: the later one, else the earlier one.
    pub fn name(&self) -> &str {
        self.after.as_ref().or(self.before.as_ref()).map(|n| n.name.as_str()).unwrap_or("")
    }

    /// True when paired by id but the names differ (after normalising).
    pub fn renamed(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => norm(&b.name) != norm(&a.name),
            _ => false,
        }
    }
}

/// Pairs items given as `(id, name)`: first those with the same id and the same name, then those
/// with the same name, then those with the same id (so a renamed unit keeps its pairing by id, and
/// two units whose ids were swapped are still paired by name). Names compare case-insensitively,
/// trimmed, inner whitespace collapsed. Returns `(before index, after index, how)`: the later
/// order first, then the items found only before.
pub fn pair_up(
    before: &[(String, String)],
    after: &[(String, String)],
) -> Vec<(Option<usize>, Option<usize>, Option<MatchedBy>)> {
    let mut of_after: Vec<Option<(usize, MatchedBy)>> = vec![None; after.len()];
    let mut taken = vec![false; before.len()];
    let nb: Vec<String> = before.iter().map(|b| norm(&b.1)).collect();
    let na: Vec<String> = after.iter().map(|a| norm(&a.1)).collect();
    // (ids must match, names must match, how) for each pass.
    let passes =
        [(true, true, MatchedBy::Id), (false, true, MatchedBy::Name), (true, false, MatchedBy::Id)];
    for (by_id, by_name, how) in passes {
        for ai in 0..after.len() {
            if of_after[ai].is_some() {
                continue;
            }
            let same = |bi: usize| {
                (!by_id || before[bi].0 == after[ai].0) && (!by_name || nb[bi] == na[ai])
            };
            if let Some(bi) = (0..before.len()).find(|&bi| !taken[bi] && same(bi)) {
                taken[bi] = true;
                of_after[ai] = Some((bi, how));
            }
        }
    }
    let mut out: Vec<_> = of_after
        .iter()
        .enumerate()
        .map(|(ai, m)| (m.map(|(bi, _)| bi), Some(ai), m.map(|(_, how)| how)))
        .collect();
    out.extend((0..before.len()).filter(|&bi| !taken[bi]).map(|bi| (Some(bi), None, None)));
    out
}

/// True when two names are the same for pairing (see [`norm`]).
pub(super) fn same_name(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

/// Normalised name for pairing: lowercase, trimmed, inner whitespace collapsed.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// An id and a name as one side of a pair.
pub(super) fn named(id: &str, name: &str) -> Named {
    Named { id: id.to_string(), name: name.to_string() }
}
