#include "syncoutcome.h"

QString StreamOutcome::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Failed:
        return QStringLiteral("failed");
    case Status::RateLimited:
        return QStringLiteral("rate_limited");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}
