#include "webhooklogging.h"

Q_LOGGING_CATEGORY(hubWebhooks, "hub.webhooks", QtWarningMsg)
