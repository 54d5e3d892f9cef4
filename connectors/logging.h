#pragma once

#include <QLoggingCategory>

// One logging category per area of the connectors layer.
Q_DECLARE_LOGGING_CATEGORY(hubHttp)
Q_DECLARE_LOGGING_CATEGORY(hubSync)
Q_DECLARE_LOGGING_CATEGORY(hubOAuth)
Q_DECLARE_LOGGING_CATEGORY(hubSecrets)
