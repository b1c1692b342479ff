//! The tables of `data/kb/`, built into the binary, in the order they load:
//! actors before the tables that extend them, people before their offices.
//! Vacancies and unsettled spans come last: they name offices, not people.

/// The table names, in load order.
pub const TABLES: &[&str] = &[
    "countries.tsv",
    "former_states.tsv",
    "capitals.tsv",
    "country_names.tsv",
    "capital_names.tsv",
    "country_variants.tsv",
    "places.tsv",
    "organisations.tsv",
    "companies.tsv",
    "infrastructure.tsv",
    "agreements.tsv",
    "history.tsv",
    "institutions.tsv",
    "media.tsv",
    "groups.tsv",
    "people.tsv",
    "offices.tsv",
    "roles.tsv",
    "vacancies.tsv",
    "unsettled.tsv",
];

macro_rules! table {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../data/kb/", $name)))
    };
}

/// The built-in tables: name and text, in load order.
pub(crate) const BUILTIN: &[(&str, &str)] = &[
    table!("countries.tsv"),
    table!("former_states.tsv"),
    table!("capitals.tsv"),
    table!("country_names.tsv"),
    table!("capital_names.tsv"),
    table!("country_variants.tsv"),
    table!("places.tsv"),
    table!("organisations.tsv"),
    table!("companies.tsv"),
    table!("infrastructure.tsv"),
    table!("agreements.tsv"),
    table!("history.tsv"),
    table!("institutions.tsv"),
    table!("media.tsv"),
    table!("groups.tsv"),
    table!("people.tsv"),
    table!("offices.tsv"),
    table!("roles.tsv"),
    table!("vacancies.tsv"),
    table!("unsettled.tsv"),
];
