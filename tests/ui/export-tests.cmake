# Export dialogs, progress with cancel, print preview, and the pages' export actions.
hub_add_test(tst_exportui SOURCES ui/tst_exportui.cpp ui/demoworkspace.cpp ui/demoworkspace.h
    LIBS hub_ui TIMEOUT 300)
