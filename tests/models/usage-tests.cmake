# Usage events: the mapping and roll-up into feature_usage.
hub_add_test(tst_usagemapping SOURCES models/tst_usagemapping.cpp)
