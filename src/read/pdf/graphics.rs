//! Graphics and text state: the current transformation matrix and the text
//! parameters of PDF 32000-1 §8.4 and §9.3.

/// An affine matrix `[a b c d e f]` mapping (x, y) to (ax + cy + e, bx + dy + f).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    /// The six coefficients.
    pub m: [f32; 6],
}

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix {
        m: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    };

    /// A matrix from its six coefficients.
    pub fn new(a: f32, b: f32, c: f32, d: f32, e: f32, f: f32) -> Matrix {
        Matrix {
            m: [a, b, c, d, e, f],
        }
    }

    /// A translation.
    pub fn translate(x: f32, y: f32) -> Matrix {
        Matrix::new(1.0, 0.0, 0.0, 1.0, x, y)
    }

    /// `self` then `other` (PDF's `self × other`).
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.m;
        let [a2, b2, c2, d2, e2, f2] = other.m;
        Matrix::new(
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        )
    }

    /// Maps a point.
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.m;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Maps a vector (no translation).
    pub fn apply_vec(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, _, _] = self.m;
        (a * x + c * y, b * x + d * y)
    }
}

/// The text state parameters that survive `BT`/`ET` (saved by `q`/`Q`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextState {
    /// Character spacing `Tc`.
    pub char_spacing: f32,
    /// Word spacing `Tw`.
    pub word_spacing: f32,
    /// Horizontal scaling `Tz`, as a fraction.
    pub h_scale: f32,
    /// Leading `TL`.
    pub leading: f32,
    /// Text rise `Ts`.
    pub rise: f32,
    /// Font size of `Tf`.
    pub font_size: f32,
    /// Index of the current font in the interpreter's font table.
    pub font: Option<usize>,
    /// Text rendering mode `Tr` (3 = invisible).
    pub render: i64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font_size: 0.0,
            font: None,
            render: 0,
        }
    }
}

/// The graphics state kept on the `q`/`Q` stack.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphicsState {
    /// Current transformation matrix.
    pub ctm: Matrix,
    /// Text state.
    pub text: TextState,
    /// Line width (for telling rules from thick bars).
    pub line_width: f32,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: Matrix::IDENTITY,
            text: TextState::default(),
            line_width: 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concatenation_order() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale first, then shift.
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
    }
}
