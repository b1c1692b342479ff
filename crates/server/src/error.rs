//! Errors of the API: an HTTP status and a message, sent as JSON.

use serde_json::json;

/// A request that cannot be answered with data: what went wrong and the
/// status that says it. Sent as `{"error": {"status": 404, "message": "…"}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status code (400, 404, 405, 500).
    pub status: u16,
    /// What went wrong, in words for a person.
    pub message: String,
}

impl ApiError {
    /// 400: the request's parameters are wrong.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    /// 404: nothing under that path or id.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 404,
            message: message.into(),
        }
    }

    /// 405: only GET (and HEAD) are served.
    pub fn method_not_allowed(method: &str) -> ApiError {
        ApiError {
            status: 405,
            message: format!("method {method} not allowed: the API is read-only (GET)"),
        }
    }

    /// 500: the store failed.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 500,
            message: message.into(),
        }
    }

    /// The JSON body of the error.
    pub fn body(&self) -> serde_json::Value {
        json!({"error": {"status": self.status, "message": self.message}})
    }
}

impl From<chronicle_store::StoreError> for ApiError {
    fn from(e: chronicle_store::StoreError) -> ApiError {
        match e {
            chronicle_store::StoreError::EmptyQuery => ApiError::bad_request(e.to_string()),
            other => ApiError::internal(format!("store: {other}")),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.message)
    }
}

impl std::error::Error for ApiError {}
