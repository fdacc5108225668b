//! Sorting the short lists the product shows (gaps, findings, ids, roles, saved entries) with one
//! instance of the standard library's sort for the whole program.
//!
//! Why: every call of `slice::sort_by_key` and friends makes the compiler write the whole stable
//! sort again for that element type and key (about 3 KB of Wasm each; the quick-scan build had
//! 61 such functions for ten element types, 32.5 KB of its 534 KB). The lists sorted here are
//! short (at most a few hundred elements: the 92 items, their gaps and findings, the saved
//! assessments), so the one sort used here orders indices (`usize`) through a comparison called
//! by reference, and the elements are then moved into that order; a sort by key computes each
//! key once beforehand, so the indirect comparison costs less than the keys it no longer
//! recomputes. The result is the standard
//! library's stable sort's, element for element (a property test checks it). Hot paths with
//! large inputs (the ROI's 100,000 trials) keep the standard library's sorts.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, stably: elements that compare equal keep their order.
pub fn sort_by<T>(v: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    {
        let items = &*v;
        sort_indices(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    }
    arrange(v, order);
}

/// Moves the elements of `v` into `order` (a permutation of its indices: the element at
/// `order[0]` first, and so on).
fn arrange<T>(v: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    // Each slot is taken exactly once.
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by the key `key` gives each element, stably. Each key is computed once (the
/// standard library's `sort_by_key` computes two per comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    arrange(v, order);
}

/// Sorts `v` in ascending order, stably.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The one instance of the standard library's stable sort: indices, by a comparison of the
/// elements they point to.
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut w: Vec<u8> = vec![];
        sort(&mut w);
        assert!(w.is_empty());
        let mut one = vec![String::from("x")];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    #[test]
    fn the_same_order_as_the_standard_stable_sort() {
        // A deterministic spread of lengths and keys with many ties (no random source needed).
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..300 {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "length {len}");
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = v;
            std.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(ours, std, "length {len}, descending");
        }
    }
}
