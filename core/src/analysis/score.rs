//! The score: one item per component of the formula in the
//! [module docs](super), each with what earned or cost its points.

use super::sections::Part;
use super::{list, list_iter, plural, round2};
use crate::options::ScoreWeights;
use crate::report::*;
use crate::roles::{Keyword, Role, Tier};

/// How the keyword points split over the tiers: a tier without keywords
/// scores through the other; "in context" is judged on the must-haves (on
/// the bonus keywords if there are none).
pub(super) struct TierPoints {
    must_w: f64,
    bonus_w: f64,
    /// Points of the must-have item.
    must_pts: f64,
    /// Points of the bonus item.
    bonus_pts: f64,
    /// The tier the context item is about.
    pub(super) context_tier: Tier,
    context_total: f64,
    context_pts: f64,
}

impl TierPoints {
    /// The split for a role.
    pub(super) fn of(role: &Role, w: &ScoreWeights) -> TierPoints {
        let tier_weight = |t: Tier| -> f64 {
            role.keywords
                .iter()
                .filter(|k| k.tier == t)
                .map(|k| k.weight)
                .sum()
        };
        let must_w = tier_weight(Tier::MustHave);
        let bonus_w = tier_weight(Tier::Bonus);
        let (must_pts, bonus_pts) = match (must_w > 0.0, bonus_w > 0.0) {
            (true, true) => (w.must_have, w.bonus),
            (true, false) => (w.must_have + w.bonus, 0.0),
            (false, _) => (0.0, w.must_have + w.bonus),
        };
        let (context_tier, context_total) = if must_w > 0.0 {
            (Tier::MustHave, must_w)
        } else {
            (Tier::Bonus, bonus_w)
        };
        TierPoints {
            must_w,
            bonus_w,
            must_pts,
            bonus_pts,
            context_tier,
            context_total,
            context_pts: w.context,
        }
    }

    /// What finding `k` gains (coverage), and using it in context besides.
    pub(super) fn gains(&self, k: &Keyword) -> (f64, f64) {
        let share = |pts: f64, total: f64| {
            if total > 0.0 {
                pts * k.weight / total
            } else {
                0.0
            }
        };
        let coverage = match k.tier {
            Tier::MustHave => share(self.must_pts, self.must_w),
            Tier::Bonus => share(self.bonus_pts, self.bonus_w),
            Tier::Overused => 0.0,
        };
        let context = if k.tier == self.context_tier {
            share(self.context_pts, self.context_total)
        } else {
            0.0
        };
        (coverage, context)
    }
}

/// What the keywords add up to, for the score items and their details.
#[derive(Default)]
pub(super) struct Tally {
    /// Per tier, in [`Tier`] order.
    pub(super) summaries: [TierSummary; 3],
    /// Weight of the must-have keywords found.
    pub(super) must_found_w: f64,
    /// Weight of the bonus keywords found.
    pub(super) bonus_found_w: f64,
    /// Weight of the context tier's keywords found in context.
    pub(super) context_w: f64,
    /// Acronym pairs the role can be written with.
    pub(super) acronym_capable: usize,
    /// Acronym pairs with a hit.
    pub(super) acronym_total: usize,
    /// Acronym pairs written both ways.
    pub(super) acronym_both: usize,
    /// The one form written of the others.
    pub(super) acronym_missing: Vec<String>,
    /// Keywords stuffed.
    pub(super) stuffed: Vec<String>,
    /// Overused terms of the role present.
    pub(super) overused_present: Vec<String>,
}

/// What the score items read.
pub(super) struct Facts<'a> {
    pub(super) w: &'a ScoreWeights,
    pub(super) tiers: &'a TierPoints,
    pub(super) tally: &'a Tally,
    pub(super) keywords: &'a [KeywordResult],
    pub(super) achievements: &'a Achievements,
    pub(super) structure: &'a [Part; 4],
    pub(super) vague_count: usize,
    pub(super) recruiter: &'a [RecruiterCheck],
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

impl Facts<'_> {
    /// Every item, in the formula's order; `recruiter` only for a posting's
    /// role. No item is `-0.0` (JSON would print it).
    pub(super) fn breakdown(&self) -> Vec<ScoreItem> {
        let mut items = vec![
            self.must_have(),
            self.bonus(),
            self.context(),
            self.quantified(),
            self.acronyms(),
            self.structure(),
            self.overused(),
            self.stuffing(),
        ];
        items.extend(self.recruiter());
        for item in &mut items {
            if item.points == 0.0 {
                item.points = 0.0;
            }
        }
        items
    }

    fn names(&self, tier: Tier, found: bool) -> impl Iterator<Item = &str> {
        self.keywords
            .iter()
            .filter(move |k| k.tier == tier && k.found == found)
            .map(|k| k.term.as_str())
    }

    fn item(id: &str, label: &str, points: f64, max_points: f64, detail: String) -> ScoreItem {
        ScoreItem {
            id: id.into(),
            label: label.into(),
            points: round2(points),
            max_points,
            detail,
        }
    }

    fn tier_item(&self, tier: Tier, found_w: f64) -> ScoreItem {
        let t = self.tiers;
        let (id, label, pts, total_w) = match tier {
            Tier::MustHave => ("must_have", "Must-have keywords", t.must_pts, t.must_w),
            _ => ("bonus", "Bonus keywords", t.bonus_pts, t.bonus_w),
        };
        let s = &self.tally.summaries[tier as usize];
        Self::item(
            id,
            label,
            pts * ratio(found_w, total_w),
            pts,
            format!(
                "{} of {} found; missing: {}",
                s.found,
                s.total,
                list_iter(self.names(tier, false))
            ),
        )
    }

    fn must_have(&self) -> ScoreItem {
        self.tier_item(Tier::MustHave, self.tally.must_found_w)
    }

    fn bonus(&self) -> ScoreItem {
        self.tier_item(Tier::Bonus, self.tally.bonus_found_w)
    }

    fn context(&self) -> ScoreItem {
        let t = self.tiers;
        let in_ctx: Vec<&str> = self
            .keywords
            .iter()
            .filter(|k| k.tier == t.context_tier && k.status == KeywordStatus::InContext)
            .map(|k| k.term.as_str())
            .collect();
        // a field of study counts in its education line
        let field_in_education = self.keywords.iter().any(|k| {
            k.tier == t.context_tier
                && k.status == KeywordStatus::InContext
                && k.hits
                    .iter()
                    .filter(|h| h.in_context)
                    .all(|h| h.section == crate::text::lexicon::Section::Education)
        });
        let tier = if t.context_tier == Tier::MustHave {
            "must-have"
        } else {
            "bonus"
        };
        Self::item(
            "context",
            "Keywords in context",
            self.w.context * ratio(self.tally.context_w, t.context_total),
            self.w.context,
            format!(
                "{} used in experience, project or summary sentences{}: {}",
                plural(
                    in_ctx.len(),
                    &format!("{tier} keyword"),
                    &format!("{tier} keywords")
                ),
                if field_in_education {
                    " (a field of study: in the education section)"
                } else {
                    ""
                },
                list(&in_ctx)
            ),
        )
    }

    /// Points of the quantified item.
    pub(super) fn quantified_points(&self) -> f64 {
        let a = self.achievements;
        if a.total == 0 {
            return 0.0;
        }
        let share = ratio(a.quantified as f64, a.total as f64);
        self.w.quantified * (share / self.w.quantified_target).min(1.0)
    }

    fn quantified(&self) -> ScoreItem {
        let a = self.achievements;
        Self::item(
            "quantified",
            "Quantified achievements",
            self.quantified_points(),
            self.w.quantified,
            format!(
                "{} of {} achievement lines have a number (target {:.0}%)",
                a.quantified,
                a.total,
                self.w.quantified_target * 100.0
            ),
        )
    }

    fn acronyms(&self) -> ScoreItem {
        let t = self.tally;
        // Over every acronym the role can be written with, so that adding a
        // keyword costs at most one share of these points.
        let one_form = t.acronym_total - t.acronym_both;
        let points = if t.acronym_capable == 0 {
            self.w.acronyms
        } else {
            self.w.acronyms * (1.0 - one_form as f64 / t.acronym_capable as f64)
        };
        let detail = if t.acronym_capable == 0 {
            "the role has no keyword with an acronym".to_string()
        } else if t.acronym_total == 0 && t.acronym_capable == 1 {
            "nothing to pair yet: the role's keyword with an acronym is not in the resume"
                .to_string()
        } else if t.acronym_total == 0 {
            format!(
                "nothing to pair yet: none of the role's {} keywords with an acronym is in the resume",
                t.acronym_capable
            )
        } else {
            format!(
                "{} of {} written both ways; one form only: {}",
                t.acronym_both,
                t.acronym_total,
                list(&t.acronym_missing)
            )
        };
        Self::item(
            "acronyms",
            "Acronym and full term",
            points,
            self.w.acronyms,
            detail,
        )
    }

    fn structure(&self) -> ScoreItem {
        let w = self.w.structure;
        let points: f64 = self
            .structure
            .iter()
            .filter(|p| p.present)
            .map(|p| p.share * w / 5.0)
            .sum();
        let missing: Vec<&str> = self
            .structure
            .iter()
            .filter(|p| !p.present)
            .map(|p| p.what)
            .collect();
        let detail = if missing.is_empty() {
            "all present".to_string()
        } else {
            format!("missing: {}", list(&missing))
        };
        Self::item("structure", "Sections and contact", points, w, detail)
    }

    /// The overused item's penalty (0 or below).
    pub(super) fn overused_penalty(&self) -> f64 {
        let w = self.w;
        -(w.overused_each * self.tally.overused_present.len() as f64
            + w.vague_each * self.vague_count as f64)
            .min(w.overused_max)
    }

    fn overused(&self) -> ScoreItem {
        let present = &self.tally.overused_present;
        Self::item(
            "overused",
            "Overused and vague terms",
            self.overused_penalty(),
            -self.w.overused_max,
            format!(
                "{} of the role present ({}); {}",
                plural(present.len(), "overused term", "overused terms"),
                list(present),
                plural(
                    self.vague_count,
                    "vague phrase or weak verb",
                    "vague phrases or weak verbs"
                )
            ),
        )
    }

    fn stuffing(&self) -> ScoreItem {
        let w = self.w;
        let stuffed = &self.tally.stuffed;
        Self::item(
            "stuffing",
            "Keyword stuffing",
            -(w.stuffing_each * stuffed.len() as f64).min(w.stuffing_max),
            -w.stuffing_max,
            format!("stuffed: {}", list(stuffed)),
        )
    }

    fn recruiter(&self) -> Option<ScoreItem> {
        let checks = self.recruiter;
        if checks.is_empty() {
            return None;
        }
        let failed: Vec<String> = checks
            .iter()
            .filter(|c| c.points < 0.0)
            .map(|c| format!("{} ({})", c.id, c.wanted))
            .collect();
        let detail = if failed.is_empty() {
            format!("{} met or unknown", plural(checks.len(), "check", "checks"))
        } else {
            format!("not met: {}", list(&failed))
        };
        Some(Self::item(
            "recruiter",
            "Recruiter checks",
            checks.iter().map(|c| c.points).sum(),
            -self.w.recruiter_max,
            detail,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_without_keywords_scores_through_the_other() {
        let w = ScoreWeights::default();
        let only_bonus = Role::from_json(r#"{"name":"x","bonus":["SQL","Go"]}"#).unwrap();
        let t = TierPoints::of(&only_bonus, &w);
        assert_eq!((t.must_pts, t.bonus_pts), (0.0, w.must_have + w.bonus));
        assert_eq!(t.context_tier, Tier::Bonus);
        let (cov, ctx) = t.gains(&only_bonus.keywords[0]);
        assert_eq!(cov, (w.must_have + w.bonus) / 2.0);
        assert_eq!(ctx, w.context / 2.0);
    }
}
