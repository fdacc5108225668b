//! PCG32 (PCG-XSH-RR with 64-bit state and 32-bit output), M. E. O'Neill's generator, written out
//! here in a few lines rather than taken from a crate: it is what the Monte Carlo draws from, and
//! it must give the same numbers on every target.
//!
//! The algorithm is the one of the reference C implementation (`pcg32_random_r` and
//! `pcg32_srandom_r` in pcg-c / pcg-c-basic); the tests check its published output for
//! `pcg32_srandom_r(42, 54)`. Only wrapping integer arithmetic is involved, so the sequence is
//! the same natively and in Wasm. The caller chooses the seed: nothing here asks the operating
//! system for entropy.

const MULTIPLIER: u64 = 6_364_136_223_846_793_005;

/// The increment of the reference's `PCG32_INITIALIZER` (0xda3e39cb94b95bdb) written as the
/// stream selector `pcg32_srandom_r` takes: our Monte Carlo stream.
pub const MONTE_CARLO_STREAM: u64 = 0xda3e_39cb_94b9_5bdb >> 1;

/// The generator state: 64-bit LCG state and the (odd) stream increment.
#[derive(Debug, Clone)]
pub struct Pcg32 {
    state: u64,
    inc: u64,
}

impl Pcg32 {
    /// Seeds like `pcg32_srandom_r(initstate, initseq)`.
    pub fn new(initstate: u64, initseq: u64) -> Pcg32 {
        let mut rng = Pcg32 {
            state: 0,
            inc: (initseq << 1) | 1,
        };
        rng.step();
        rng.state = rng.state.wrapping_add(initstate);
        rng.step();
        rng
    }

    /// The generator the ROI Monte Carlo uses for a seed.
    pub fn for_seed(seed: u64) -> Pcg32 {
        Pcg32::new(seed, MONTE_CARLO_STREAM)
    }

    fn step(&mut self) {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
    }

    /// The next 32-bit output (`pcg32_random_r`).
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.step();
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }
}

/// The stream selector of the second generator of a [`Pcg32Pair`] (an arbitrary fixed odd
/// pattern, far from [`MONTE_CARLO_STREAM`]).
pub const SECOND_STREAM: u64 = 0x2545_f491_4f6c_dd1d;

/// Two PCG32 generators stepped side by side, so that two draws cost one step's latency: the
/// first is [`Pcg32::for_seed`]; its first two outputs seed the second, on [`SECOND_STREAM`].
#[derive(Debug, Clone)]
pub struct Pcg32Pair {
    first: Pcg32,
    second: Pcg32,
}

impl Pcg32Pair {
    pub fn for_seed(seed: u64) -> Pcg32Pair {
        let mut first = Pcg32::for_seed(seed);
        let state = (u64::from(first.next_u32()) << 32) | u64::from(first.next_u32());
        Pcg32Pair {
            first,
            second: Pcg32::new(state, SECOND_STREAM),
        }
    }

    /// The next output of each generator.
    #[inline]
    pub fn next_pair(&mut self) -> (u32, u32) {
        (self.first.next_u32(), self.second.next_u32())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pcg32_srandom_r(&rng, 42u, 54u)` then six `pcg32_random_r`: "Round 1" of the reference
    /// demo's expected output (pcg-c `test-high/expected/check-pcg32.out`).
    #[test]
    fn matches_the_reference_output() {
        let mut rng = Pcg32::new(42, 54);
        let got: Vec<u32> = (0..6).map(|_| rng.next_u32()).collect();
        assert_eq!(
            got,
            [
                0xa15c_02b7,
                0x7b47_f409,
                0xba1d_3330,
                0x83d2_f293,
                0xbfa4_784b,
                0xcbed_606e
            ]
        );
    }

    #[test]
    fn seeds_and_streams_give_different_sequences() {
        let a: Vec<u32> = {
            let mut r = Pcg32::for_seed(1);
            (0..4).map(|_| r.next_u32()).collect()
        };
        let b: Vec<u32> = {
            let mut r = Pcg32::for_seed(2);
            (0..4).map(|_| r.next_u32()).collect()
        };
        let c: Vec<u32> = {
            let mut r = Pcg32::new(1, 54);
            (0..4).map(|_| r.next_u32()).collect()
        };
        assert_ne!(a, b);
        assert_ne!(a, c);
        let mut again = Pcg32::for_seed(1);
        assert_eq!(a, (0..4).map(|_| again.next_u32()).collect::<Vec<_>>());
    }

    #[test]
    fn a_pair_is_two_seeded_pcg32_sequences() {
        let mut pair = Pcg32Pair::for_seed(42);
        let mut first = Pcg32::for_seed(42);
        let state = (u64::from(first.next_u32()) << 32) | u64::from(first.next_u32());
        let mut second = Pcg32::new(state, SECOND_STREAM);
        for _ in 0..100 {
            assert_eq!(pair.next_pair(), (first.next_u32(), second.next_u32()));
        }
        // The two halves are not the same sequence shifted.
        let mut pair = Pcg32Pair::for_seed(42);
        let (a, b): (Vec<u32>, Vec<u32>) = (0..64).map(|_| pair.next_pair()).unzip();
        assert!(!a.windows(4).any(|w| b.windows(4).any(|v| v == w)));
    }
}
