#pragma once

#include <QLoggingCategory>

// Never log a secret, a signature or a request's query (which may carry a secret).
Q_DECLARE_LOGGING_CATEGORY(hubWebhooks)
