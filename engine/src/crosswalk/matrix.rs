//! The heat-map matrix: for each NIST AI RMF function (and category) × ISO/IEC 42001 section
//! (clauses 4-10, objectives A.2-A.10), how many crosswalk pairs join them and how well the
//! assessed end of those pairs is implemented.

use super::{iso_table, nist_table, Table};
use crate::assessment::{Answers, Assessment};
use crate::catalog::{CategoryId, Function, IsoId, Pair, Shipped};
use crate::scoring::round_tenth;
use serde::Serialize;

/// Rows of functions and categories over the 16 ISO sections.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Matrix {
    /// The columns: clauses 4-10, then objectives A.2-A.10.
    pub sections: Vec<IsoId>,
    pub functions: Vec<MatrixRow>,
    pub categories: Vec<MatrixRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixRow {
    pub id: &'static str,
    /// One cell per section, in the order of [`Matrix::sections`].
    pub cells: Vec<Cell>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Cell {
    /// Crosswalk pairs joining the row and the column.
    pub pairs: u32,
    /// Of those, pairs whose assessed end (the ISO item for an ISO/IEC 42001 assessment, the
    /// NIST subcategory for a NIST AI RMF one) has a maturity.
    pub assessed: u32,
    /// Mean attainment `min(maturity, target) / target` × 100 over the assessed pairs; `None`
    /// when none is assessed.
    pub coverage: Option<f64>,
    #[serde(skip)]
    sum: f64,
}

/// The lower bound, in percent of coverage, of each shade of the heat map after the first (which
/// starts at 0): a cell's shade is the number of bounds its coverage reaches, plus one.
pub const HEAT_BOUNDS: [u32; 3] = [25, 50, 75];

/// The shades of the heat map, darkest last: how many there are, 1-based in [`Cell::shade`].
pub const HEAT_SHADES: usize = HEAT_BOUNDS.len() + 1;

/// The range of coverage a shade (1 to [`HEAT_SHADES`]) stands for, for the legend: `0-24%`,
/// …, `75-100%`. `None` for any other shade.
pub fn heat_range(shade: usize) -> Option<String> {
    let from = match shade {
        1 => 0,
        s => *HEAT_BOUNDS.get(s.checked_sub(2)?)?,
    };
    let to = match HEAT_BOUNDS.get(shade.checked_sub(1)?) {
        Some(next) => next - 1,
        None if shade == HEAT_SHADES => 100,
        None => return None,
    };
    Some(format!("{from}-{to}%"))
}

impl Cell {
    /// The cell's shade on the heat map, 1 (least covered) to [`HEAT_SHADES`]; `None` when no
    /// pair joins the row and column or none of them is assessed.
    pub fn shade(&self) -> Option<usize> {
        let v = self.coverage.filter(|_| self.pairs > 0)?;
        Some(1 + HEAT_BOUNDS.iter().filter(|&&b| v >= f64::from(b)).count())
    }

    fn add(&mut self, attainment: Option<f64>) {
        self.pairs += 1;
        if let Some(a) = attainment {
            self.assessed += 1;
            self.sum += a;
        }
    }

    fn finish(&mut self) {
        self.coverage =
            (self.assessed > 0).then(|| round_tenth(self.sum * 100.0 / f64::from(self.assessed)));
    }
}

/// The matrix for an assessment (pair counts alone do not depend on it).
pub fn matrix(a: &Assessment) -> Matrix {
    match &a.answers {
        Answers::Iso42001(m) => compute(&iso_table(&Shipped, m), true),
        Answers::NistAiRmf(m) => compute(&nist_table(&Shipped, m), false),
    }
}

/// The matrix from the ratings of the ISO end (`iso_end`) or the NIST end of the pairs.
fn compute(table: &Table, iso_end: bool) -> Matrix {
    let sections: Vec<IsoId> = IsoId::sections().collect();
    // Column of each section id.
    let mut column = [usize::MAX; 256];
    for (i, s) in sections.iter().enumerate() {
        column[s.index()] = i;
    }
    let row = || vec![Cell::default(); sections.len()];
    let mut functions: Vec<MatrixRow> = Function::ALL
        .iter()
        .map(|f| MatrixRow {
            id: f.as_str(),
            cells: row(),
        })
        .collect();
    let mut categories: Vec<MatrixRow> = CategoryId::all()
        .map(|c| MatrixRow {
            id: c.as_str(),
            cells: row(),
        })
        .collect();
    for p in Pair::all() {
        let r = table[if iso_end {
            p.iso.index()
        } else {
            p.nist.index()
        }];
        let attainment = r
            .maturity
            .map(|m| f64::from(m.min(r.target)) / f64::from(r.target.max(1)));
        let col = column[p.iso.item().section.index()];
        let info = p.nist.info();
        let cells = [
            functions
                .get_mut(info.function.index())
                .and_then(|r| r.cells.get_mut(col)),
            categories
                .get_mut(info.category.index())
                .and_then(|r| r.cells.get_mut(col)),
        ];
        for cell in cells.into_iter().flatten() {
            cell.add(attainment);
        }
    }
    for r in functions.iter_mut().chain(categories.iter_mut()) {
        r.cells.iter_mut().for_each(Cell::finish);
    }
    Matrix {
        sections,
        functions,
        categories,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heat_shades_follow_the_bounds_and_the_legend_names_them() {
        let cell = |pairs, coverage: Option<f64>| Cell {
            pairs,
            assessed: u32::from(coverage.is_some()),
            coverage,
            sum: 0.0,
        };
        assert_eq!(cell(0, None).shade(), None);
        assert_eq!(cell(2, None).shade(), None);
        let shades: Vec<_> = [0.0, 24.9, 25.0, 49.9, 50.0, 74.9, 75.0, 100.0]
            .into_iter()
            .map(|v| cell(1, Some(v)).shade())
            .collect();
        assert_eq!(shades, [1, 1, 2, 2, 3, 3, 4, 4].map(Some));
        let legend: Vec<_> = (1..=HEAT_SHADES).filter_map(heat_range).collect();
        assert_eq!(legend, ["0-24%", "25-49%", "50-74%", "75-100%"]);
        assert_eq!(heat_range(0), None);
        assert_eq!(heat_range(HEAT_SHADES + 1), None);
    }
}
