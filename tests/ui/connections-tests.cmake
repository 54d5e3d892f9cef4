# The Connections page, against a fake GitHub and the real keychain.
hub_add_test(tst_connectionspage SOURCES ui/tst_connectionspage.cpp LIBS hub_ui hub_testsupport TIMEOUT 300)
