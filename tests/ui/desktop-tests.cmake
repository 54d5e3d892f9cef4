# Preferences and About dialogs; the log file with its redaction and rotation.
hub_add_test(tst_preferencesdialog SOURCES ui/tst_preferencesdialog.cpp LIBS hub_ui)
hub_add_test(tst_messagelog SOURCES app/tst_messagelog.cpp LIBS hub_applog)
target_include_directories(tst_messagelog PRIVATE ${PROJECT_SOURCE_DIR}/app)
