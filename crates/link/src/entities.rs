//! The record's entities: one per actor, in order of first mention, with
//! every mention's text and byte offsets.

use chronicle_model::{Entity, Mention};

use crate::run::{Found, How, Referent, Run};

impl<'kb> Run<'_, 'kb> {
    /// The entities of the document, from the mentions found. Where mentions
    /// overlap, the first (and at one start the longest) wins, but for an
    /// international organisation a role phrase names inside it.
    pub(crate) fn entities(&self) -> Vec<Entity> {
        let mut found: Vec<Found<'kb>> = self
            .found
            .iter()
            .map(|f| Found {
                who: self.resolve(f.who),
                ..f.clone()
            })
            .collect();
        found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut order: Vec<Referent<'kb>> = Vec::new();
        let mut mentions: Vec<Vec<Mention>> = Vec::new();
        let mut reach = 0;
        let mut outer_is_title = false;
        let mut outer_is_host = false;
        for f in found {
            if f.start >= f.end {
                continue;
            }
            // inside another mention: only an organisation a role phrase
            // names ("secrétaire général de l'ONU")
            let nested = f.start < reach;
            if nested
                && !(outer_is_title && Run::nests_in_titles(f.who))
                && !(outer_is_host && f.how == How::Place)
            {
                continue;
            }
            let Some(text) = self.body.get(f.start..f.end) else {
                continue;
            };
            if !nested {
                reach = f.end;
                outer_is_title = matches!(f.how, How::Title | How::Counterpart);
                outer_is_host = matches!(f.who, Referent::Kb(a) if a.kind().is_some_and(|k| self.rules.host_kinds.iter().any(|h| h == k)));
            }
            let n = match order.iter().position(|w| *w == f.who) {
                Some(n) => n,
                None => {
                    order.push(f.who);
                    mentions.push(Vec::new());
                    order.len() - 1
                }
            };
            mentions[n].push(Mention {
                text: text.to_string(),
                start: f.start,
                end: f.end,
            });
        }
        order
            .into_iter()
            .zip(mentions)
            .map(|(who, mentions)| match who {
                Referent::Kb(a) => Entity {
                    id: Some(a.record_id().to_string()),
                    name: a.name().to_string(),
                    kind: a.actor_type().as_str().to_string(),
                    country: a.country().map(str::to_string),
                    mentions,
                },
                Referent::Local(i) => {
                    let local = self.locals.get(i);
                    Entity {
                        id: None,
                        name: local.map_or_else(
                            || mentions.first().map(|m| m.text.clone()).unwrap_or_default(),
                            |l| l.name.clone(),
                        ),
                        kind: self.kind_of(who).as_str().to_string(),
                        country: local.and_then(|l| l.country.clone()),
                        mentions,
                    }
                }
            })
            .collect()
    }
}
