# The Companies page: tree, filter, split and merge with undo.
hub_add_test(tst_companiespage SOURCES ui/tst_companiespage.cpp LIBS hub_ui)
