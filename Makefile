# Plenary — make · make run · make test · make check · make layers · make fuzz · make bench · make format · make format-check
CC ?= cc
PKGS := libh2o-evloop openssl zlib sqlite3 md4c-html libsodium inih libbrotlienc libjansson libpq
OPT ?= -O2 -g
BUILD ?= build
CFLAGS := $(OPT) -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wno-format-truncation -Isrc -I$(BUILD) \
	-DH2O_USE_LIBUV=0 -fno-strict-aliasing
# libpq's header folder (the PostgreSQL engine, src/store/pg/), asked once deps.sh installed libpq-dev
PQ_CFLAGS = $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
LDLIBS += -lh2o-evloop -lssl -lcrypto -lz -lsqlite3 -lmd4c-html -lmd4c -lsodium -linih -lpq \
	-lbrotlienc -ljansson -lstemmer -lcurl -loath -lqrencode -lvips -lwebpmux -lwebpdemux -lwebp -lgmime-3.0 -lexpat -lgumbo -lopendkim -lpangocairo-1.0 -lpango-1.0 -lharfbuzz -lcairo -lavformat -lavcodec -lswscale -lavutil -lgobject-2.0 -lglib-2.0 -lpthread -lm
# libvips, GMime and Pango bring GLib's include folders (opendkim's header sits in its own folder); asked when a file compiles, after deps.sh installed them
GLIB_CFLAGS = $(shell pkg-config --cflags vips gmime-3.0 pangocairo opendkim)
PORT ?= 8080
DB ?= var/demo.db
# the builds make test, make check and make fuzz start use every core (CI's machine has two)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

SRC := src/main.c $(sort $(wildcard src/*/*.c src/*/*/*.c))
OBJ := $(SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
LIBOBJ := $(filter-out $(BUILD)/obj/main.o,$(OBJ))
UNIT := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
UNIT += $(BUILD)/tests/tool_mail_compose # not a test: test_dkim.py runs it
EMBED := $(sort $(wildcard src/store/sqlite/migrations/*.sql)) $(sort $(wildcard src/store/pg/migrations/*.sql)) \
	src/store/demo.sql

.PHONY: all run test check layers fuzz fuzz-build bench format format-check deps clean unit FORCE
all: deps plenary

deps:
	@scripts/deps.sh build

plenary: $(BUILD)/plenary
	@rm -f $@ && cp $< $@

$(BUILD)/plenary: $(OBJ)
	@echo "  LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/*/*.h src/*/*/*.h) $(BUILD)/embedded.h
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS) $(GLIB_CFLAGS) $(PQ_CFLAGS) -c -o $@ $<

# SQL files are compiled into the binary so one file is all an operator copies. embed.list holds the names
# and changes only when they do, so a deleted or renamed migration also makes the files again.
$(BUILD)/embed.list: FORCE
	@mkdir -p $(BUILD)
	@echo '$(EMBED)' | cmp -s - $@ || echo '$(EMBED)' > $@

$(BUILD)/embedded.c $(BUILD)/embedded.h: $(EMBED) scripts/embed.sh $(BUILD)/embed.list
	@mkdir -p $(BUILD)
	@echo "  EMBED $(BUILD)/embedded.c"
	@scripts/embed.sh $(BUILD)/embedded $(EMBED)

FORCE:

$(BUILD)/obj/embedded.o: $(BUILD)/embedded.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBOBJ)
	@mkdir -p $(dir $@)
	@echo "  TEST $@"
	@$(CC) $(CFLAGS) $(GLIB_CFLAGS) $(PQ_CFLAGS) -Itests/unit -o $@ $< $(LIBOBJ) $(LDLIBS)

unit: $(UNIT)

run: all
	@mkdir -p $(dir $(DB))
	@test -f $(DB) || ./plenary demo $(DB)
	@echo "Plenary is serving the demo site on http://127.0.0.1:$(PORT)/  (Ctrl-C stops it)"
	./plenary serve --db $(DB) --listen 127.0.0.1:$(PORT)

test:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory -j$(JOBS) all unit
	@tests/run.sh $(BUILD)

# The same tests with AddressSanitizer and UndefinedBehaviorSanitizer, in a separate build folder. The black-box
# suite runs once, on SQLite: its PostgreSQL pass (engine-specific C is only the store's driver, which the unit
# tests run on PostgreSQL under the sanitizers too) would add over 20 minutes to CI's 90.
check: layers
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory -j$(JOBS) BUILD=build/san \
		OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
		build/san/plenary unit
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		PLENARY_BIN=build/san/plenary BLACKBOX_ENGINES=sqlite tests/run.sh build/san
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

# Fails, naming file:line, when an #include points up the layers of docs/design.md, or when units (name.c with
# name.h) include each other round a loop; once built, also when an object uses a symbol of a layer above.
layers:
	@scripts/layers.sh src $(wildcard $(BUILD)/obj)

# Fuzz targets (tests/fuzz/fuzz_NAME.c, libFuzzer from Debian's clang): the parsers' objects built with
# clang and the sanitizers into build/fuzz; each target runs FUZZ_SECONDS from its seeds in
# tests/fuzz/corpus/NAME (what it finds to keep goes to build/fuzz/corpus/NAME). A finding fails.
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build/fuzz
FUZZ_OPT := -O1 -g -Wno-unknown-warning-option -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_NAMES := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SRC := $(wildcard src/core/*.c src/render/*.c) src/http/form.c src/http/multipart.c src/http/guard.c src/import/wxr.c src/import/wxr_expat.c \
	src/site/query.c src/site/synonyms.c src/store/sqlite/sq_fts5_query.c src/store/sqlite/sq_stem.c
FUZZ_SRC += src/import/html_markdown.c src/import/html_parse.c src/import/html_write.c src/import/shortcodes.c

fuzz:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory -j$(JOBS) BUILD=$(FUZZ_BUILD) CC=clang OPT="$(FUZZ_OPT)" fuzz-build
	@for t in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/findings; \
		echo "  FUZZ $$t ($(FUZZ_SECONDS) s)"; \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
		$(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-max_len=65536 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/findings/$$t- \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t >$(FUZZ_BUILD)/$$t.log 2>&1 \
		|| { tail -n 60 $(FUZZ_BUILD)/$$t.log; echo "fuzz_$$t: finding in $(FUZZ_BUILD)/findings/"; exit 1; }; \
		echo "  fuzz_$$t: $$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_BUILD)/$$t.log) runs, no finding"; \
	done

# (run with BUILD=$(FUZZ_BUILD) CC=clang by the fuzz target above)
fuzz-build: $(patsubst %,$(BUILD)/fuzz_%,$(FUZZ_NAMES))

$(BUILD)/fuzzparts.a: $(FUZZ_SRC:src/%.c=$(BUILD)/obj/%.o)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/fuzzparts.a
	@echo "  FUZZ-LD $@"
	@$(CC) $(CFLAGS) $(GLIB_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/fuzzparts.a $(LDLIBS)

bench: all
	@scripts/deps.sh bench
	@bench/run.sh

FORMAT_FILES = $(wildcard src/*.c src/*/*.c src/*/*.h src/*/*/*.c src/*/*/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c)
format:
	clang-format -i $(FORMAT_FILES)

# Fails, printing the diff, when a C file is not as clang-format (.clang-format) would write it.
format-check:
	@rc=0; for f in $(FORMAT_FILES); do \
		clang-format "$$f" | diff -u --label "$$f" --label "$$f (clang-format)" "$$f" - || rc=1; \
	done; \
	[ $$rc -eq 0 ] || echo "format-check: run make format"; exit $$rc

clean:
	rm -rf build plenary
