//! One stable sort for the whole app (docs/PERFORMANCE.md, "What keeps the app module small"):
//! std's `sort_by` is compiled anew for every element type and comparison (3–5 KB of wasm each),
//! so every sort goes through [`sort_by`], which sorts indices with one compiled routine and then
//! moves the elements into place.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (a stable sort, as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_of(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// The positions `0..n` in the order `cmp` gives them; the one place a sort routine is compiled.
#[inline(never)]
fn order_of(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Puts the element at `order[i]` in position `i`, following each cycle of the permutation.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_like_std_and_keeps_equal_elements_in_order() {
        // Pairs sorted by their first field only: the second shows the order of equal ones.
        let mut seed = 7u32;
        for len in 0..60 {
            let v: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 5, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v);
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }

    #[test]
    fn sorts_strings_descending() {
        let mut v = vec!["b".to_string(), "c".into(), "a".into()];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, ["c", "b", "a"]);
    }
}
