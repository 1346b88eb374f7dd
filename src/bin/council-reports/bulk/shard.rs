//! `--shard K/N`: split one archive over N machines with no coordinator.
//!
//! The shard of an input is a stable hash of its name (the path as written in
//! `source.path`), so every machine that walks the same inputs agrees on the
//! split. std's `DefaultHasher` is seeded per process and would not agree;
//! FNV-1a is fixed, fast and spreads paths evenly enough for this.

use std::fmt;
use std::str::FromStr;

/// Shard K of N, with K in 1..=N (as GNU parallel's `{#}` and Slurm arrays
/// started at 1 count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    k: u64,
    n: u64,
}

impl Shard {
    /// K, the number of this shard (from 1).
    pub fn k(&self) -> u64 {
        self.k
    }

    /// Does the input named `name` belong to this shard?
    pub fn contains(&self, name: &str) -> bool {
        fnv1a64(name.as_bytes()) % self.n == self.k - 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("expected K/N (e.g. 1/4), got {s:?}"))?;
        let k: u64 = k
            .trim()
            .parse()
            .map_err(|_| format!("K in K/N is not a number: {k:?}"))?;
        let n: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("N in K/N is not a number: {n:?}"))?;
        if n == 0 {
            return Err(format!(
                "shard {k}/0 does not exist: N, the number of shards, is at least 1"
            ));
        }
        if k == 0 || k > n {
            return Err(format!(
                "shard {k}/{n} does not exist: K counts from 1 to N (1/{n} … {n}/{n})"
            ));
        }
        Ok(Shard { k, n })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.k, self.n)
    }
}

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_published_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn parses_k_of_n_and_rejects_nonsense() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { k: 2, n: 4 }));
        for bad in ["0/4", "5/4", "1/0", "x/2", "3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_name_is_in_exactly_one_shard() {
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { k, n: 3 }).collect();
        let mut sizes = [0usize; 3];
        for i in 0..300 {
            let name = format!("archive/{i}.pdf");
            let owners: Vec<usize> = (0..3).filter(|&s| shards[s].contains(&name)).collect();
            assert_eq!(owners.len(), 1, "{name}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| n > 50), "uneven split {sizes:?}");
    }
}
