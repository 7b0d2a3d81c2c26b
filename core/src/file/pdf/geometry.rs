//! Geometry: the matrices of the PDF graphics state and the numbers and
//! names of operator arguments.

use lopdf::{Document, Object};

/// A PDF transformation matrix `[a b c d e f]` (row vector convention).
#[derive(Debug, Clone, Copy)]
pub(super) struct Matrix(pub(super) [f32; 6]);

impl Matrix {
    /// The identity.
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A translation.
    pub(super) fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// This transformation followed by `o`.
    pub(super) fn then(self, o: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// The image of point `(x, y)`.
    pub(super) fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// Six finite numbers.
    pub(super) fn from_objects(objects: &[Object]) -> Option<Matrix> {
        if objects.len() != 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, o) in m.iter_mut().zip(objects) {
            *slot = num(o)?;
        }
        Some(Matrix(m))
    }
}

/// A finite number.
pub(super) fn num(o: &Object) -> Option<f32> {
    let v = match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    v.is_finite().then_some(v)
}

/// `o`, or the object it refers to.
pub(super) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

/// Operand `i` as a number.
pub(super) fn num_arg(args: &[Object], i: usize) -> Option<f32> {
    args.get(i).and_then(num)
}

/// Operand `i` as a name.
pub(super) fn name_arg(args: &[Object], i: usize) -> Option<&[u8]> {
    match args.get(i) {
        Some(Object::Name(n)) => Some(n),
        _ => None,
    }
}

/// Operand `i` as a string.
pub(super) fn str_arg(args: &[Object], i: usize) -> Option<&[u8]> {
    match args.get(i) {
        Some(Object::String(s, _)) => Some(s),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let m = Matrix::translate(10.0, 20.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]));
        assert_eq!(m.apply(1.0, 1.0), (22.0, 42.0));
    }
}
