#include "logging.h"

Q_LOGGING_CATEGORY(hubHttp, "hub.http", QtWarningMsg)
Q_LOGGING_CATEGORY(hubSync, "hub.sync", QtWarningMsg)
Q_LOGGING_CATEGORY(hubOAuth, "hub.oauth", QtWarningMsg)
Q_LOGGING_CATEGORY(hubSecrets, "hub.secrets", QtWarningMsg)
