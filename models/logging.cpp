#include "logging.h"

Q_LOGGING_CATEGORY(hubDb, "hub.db", QtWarningMsg)
Q_LOGGING_CATEGORY(hubDemo, "hub.demo", QtWarningMsg)
