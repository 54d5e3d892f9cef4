# The Reports page.
hub_add_test(tst_reportspage SOURCES ui/tst_reportspage.cpp LIBS hub_ui TIMEOUT 300)
