# The Reports page.
hub_add_test(tst_reportspage SOURCES ui/tst_reportspage.cpp ui/demoworkspace.cpp ui/demoworkspace.h LIBS hub_ui TIMEOUT 300)
