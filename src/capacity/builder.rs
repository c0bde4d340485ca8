//! [`ImprovementCapacityBuilder`]: collects a capacity proposal in any order
//! and checks every invariant at [`build`](ImprovementCapacityBuilder::build).

use serde::{Deserialize, Serialize};

use super::{Costing, ImprovementCapacity, ImprovementTeam, Post, Tenure, TumourSiteReview};
use crate::budget::MAX_AMOUNT_POUNDS;
use crate::validate::FieldPath;
use crate::validate::{Checker, IdRegistry};
use crate::{money::Money, org::Alliance, validate::Rule, validate::ValidationErrors};

/// Builds an [`ImprovementCapacity`]. Setters never fail;
/// [`build`](Self::build) checks everything and reports every violation at
/// once, with paths such as `posts[1].host_icb` or
/// `teams[0].costing.total.amount` (where the field is in the JSON form).
///
/// It is also the JSON form (`{"title", "alliance", "posts", "teams",
/// "reviews"}`), so JSON input meets the same checks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ImprovementCapacityBuilder {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    alliance: Option<Alliance>,
    #[serde(default)]
    posts: Vec<Post>,
    #[serde(default)]
    teams: Vec<ImprovementTeam>,
    #[serde(default)]
    reviews: Vec<TumourSiteReview>,
}

impl ImprovementCapacityBuilder {
    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the alliance.
    pub fn alliance(mut self, alliance: Alliance) -> Self {
        self.alliance = Some(alliance);
        self
    }

    /// Adds a post.
    pub fn post(mut self, post: Post) -> Self {
        self.posts.push(post);
        self
    }

    /// Adds a team.
    pub fn team(mut self, team: ImprovementTeam) -> Self {
        self.teams.push(team);
        self
    }

    /// Adds a tumour-site review.
    pub fn review(mut self, review: TumourSiteReview) -> Self {
        self.reviews.push(review);
        self
    }

    /// Checks every invariant and returns the capacity, or every violation.
    ///
    /// Invariants:
    /// - `title` and `alliance` are given; the title is not blank; the
    ///   alliance spans at least one ICB;
    /// - ids of posts, teams and reviews are unique (one namespace); the ids
    ///   of posts and teams are at most [`MAX_ITEM_ID_LEN`] (56) characters,
    ///   so that their budget line ids (`<id>.<yyyy-yy>`) fit an id;
    /// - names and titles are not blank;
    /// - a post's host ICB is one of the alliance's;
    /// - a team's directing posts exist; a review's team exists;
    /// - a cost is not negative, at most
    ///   [`MAX_AMOUNT_POUNDS`](crate::budget::MAX_AMOUNT_POUNDS), and its
    ///   basis (or the reason it is not costed) is not blank (paths name the
    ///   costing's variant, as its JSON does: `posts[0].costing.total.amount`,
    ///   `teams[1].costing.not_costed.reason`); a cost for the whole tenure
    ///   needs a fixed tenure (reported at the costing, e.g.
    ///   `posts[0].costing.total`: the usual fix is an `annual` cost).
    ///
    /// ```
    /// use cancer_plan::capacity::{AfcBand, ImprovementCapacity, Post, Tenure};
    /// use cancer_plan::{Alliance, Icb, Id};
    /// let errors = ImprovementCapacity::builder()
    ///     .title("ICS improvement capacity")
    ///     .alliance(Alliance::new("Wessex").with_icb(Icb::new(Id::new("dorset")?, "NHS Dorset ICB")))
    ///     .post(Post::new(Id::new("lead")?, "Senior Leader", AfcBand::Band8C,
    ///         Id::new("bsw")?, Tenure::open_ended("2021-07".parse()?)?))
    ///     .build()
    ///     .err()
    ///     .ok_or("should fail")?;
    /// assert_eq!(errors.violations()[0].path().to_string(), "posts[0].host_icb");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ValidationErrors`] with every violation, each with its path
    /// (`posts[0].host_icb`).
    pub fn build(self) -> Result<ImprovementCapacity, ValidationErrors> {
        let mut checker = Checker::new();
        checker.required_text(&FieldPath::root().field("title"), self.title.as_deref());
        checker.require(&FieldPath::root().field("alliance"), self.alliance.as_ref());
        if let Some(alliance) = &self.alliance {
            alliance.check(&mut checker, &FieldPath::root().field("alliance"));
        }
        let mut ids = IdRegistry::new();
        for (i, post) in self.posts.iter().enumerate() {
            let at = FieldPath::root().field("posts").index(i);
            ids.register(&mut checker, post.id(), || at.field("id"));
            check_line_id(&mut checker, &at, post.id());
            checker.not_empty(|| at.field("title"), post.title());
            if let Some(alliance) = &self.alliance {
                alliance.check_icb(&mut checker, || at.field("host_icb"), post.host_icb());
            }
            check_costing(&mut checker, &at, post.costing(), post.tenure());
        }
        for (i, team) in self.teams.iter().enumerate() {
            let at = FieldPath::root().field("teams").index(i);
            ids.register(&mut checker, team.id(), || at.field("id"));
            check_line_id(&mut checker, &at, team.id());
            checker.not_empty(|| at.field("name"), team.name());
            if let Some(body) = team.oversight() {
                checker.not_empty(|| at.field("overseen_by"), body);
            }
            for (k, post) in team.directors().iter().enumerate() {
                if !self.posts.iter().any(|p| p.id() == post) {
                    checker.push(
                        at.field("directed_by").index(k),
                        post,
                        Rule::Resolves {
                            target: "post".into(),
                        },
                    );
                }
            }
            check_costing(&mut checker, &at, team.costing(), team.tenure());
        }
        for (i, review) in self.reviews.iter().enumerate() {
            let at = FieldPath::root().field("reviews").index(i);
            ids.register(&mut checker, review.id(), || at.field("id"));
            checker.not_empty(|| at.field("name"), review.name());
            if let Some(lead) = review.lead() {
                checker.not_empty(|| at.field("led_by"), lead);
            }
            if let Some(team) = review.team()
                && !self.teams.iter().any(|t| t.id() == team)
            {
                checker.push(
                    at.field("team"),
                    team,
                    Rule::Resolves {
                        target: "improvement team".into(),
                    },
                );
            }
        }
        match (self.title, self.alliance) {
            (Some(title), Some(alliance)) if checker.is_clean() => {
                checker.finish(ImprovementCapacity {
                    title,
                    alliance,
                    posts: self.posts,
                    teams: self.teams,
                    reviews: self.reviews,
                })
            }
            _ => checker.finish_err(),
        }
    }
}

/// The longest id of a post or team: its budget lines are
/// `<id>.<yyyy-yy>` (8 more characters), and an [`Id`](crate::id::Id) holds at
/// most 64.
pub const MAX_ITEM_ID_LEN: usize = 64 - ".yyyy-yy".len();

/// Checks that the budget line ids made from a post's or team's id fit an
/// [`Id`](crate::id::Id), so that a capacity that builds can always be costed
/// ([`CostSchedule::budget_lines`](super::CostSchedule::budget_lines)).
fn check_line_id(checker: &mut Checker, at: &FieldPath, id: &crate::id::Id) {
    if id.as_str().len() > MAX_ITEM_ID_LEN {
        checker.push(
            at.field("id"),
            id,
            Rule::LengthAtMost {
                max: MAX_ITEM_ID_LEN,
                because:
                    "so that its budget line ids `<id>.<yyyy-yy>` fit the 64 characters of an id"
                        .to_owned(),
            },
        );
    }
}

/// Checks a costing. Paths follow its JSON form, which names the variant
/// (`{"total": {"amount", "basis"}}`): `costing.total.amount`,
/// `costing.annual.basis`, `costing.not_costed.reason`.
fn check_costing(checker: &mut Checker, at: &FieldPath, costing: &Costing, tenure: Tenure) {
    let variant = match costing {
        Costing::NotCosted { .. } => "not_costed",
        Costing::Total { .. } => "total",
        Costing::Annual { .. } => "annual",
    };
    let at = at.field("costing").field(variant);
    match costing {
        Costing::NotCosted { reason } => checker.not_empty(|| at.field("reason"), reason),
        Costing::Total { amount, basis } | Costing::Annual { amount, basis } => {
            if amount.is_negative() {
                checker.push(at.field("amount"), amount, Rule::NonNegative);
            } else if *amount > Money::from_pounds(MAX_AMOUNT_POUNDS) {
                checker.push(
                    at.field("amount"),
                    amount,
                    Rule::between("£0", Money::from_pounds(MAX_AMOUNT_POUNDS)),
                );
            }
            checker.not_empty(|| at.field("basis"), basis);
        }
    }
    // Reported at the costing (`costing.total`), not the tenure: an
    // open-ended post is usually meant to be, and its fix is a cost per year.
    if matches!(costing, Costing::Total { .. }) && tenure.last().is_none() {
        checker.push(
            at,
            costing,
            Rule::WholeTenureNeedsFixedTenure {
                tenure: tenure.to_string(),
            },
        );
    }
}

impl TryFrom<ImprovementCapacityBuilder> for ImprovementCapacity {
    type Error = ValidationErrors;
    fn try_from(b: ImprovementCapacityBuilder) -> Result<ImprovementCapacity, ValidationErrors> {
        b.build()
    }
}

impl From<ImprovementCapacity> for ImprovementCapacityBuilder {
    fn from(c: ImprovementCapacity) -> ImprovementCapacityBuilder {
        ImprovementCapacityBuilder {
            title: Some(c.title),
            alliance: Some(c.alliance),
            posts: c.posts,
            teams: c.teams,
            reviews: c.reviews,
        }
    }
}
