# quotes: make install && make run && make test
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED_MODELS = ../shared/stanza_resources
# Models: $STANZA_RESOURCES_DIR if set, else ../shared/stanza_resources when it exists (this
# workplace), else Stanza's default (~/stanza_resources, filled by stanza.download).
STANZA_RESOURCES_DIR ?= $(if $(wildcard $(SHARED_MODELS)/resources.json),$(abspath $(SHARED_MODELS)),$(HOME)/stanza_resources)
export STANZA_RESOURCES_DIR

.PHONY: install run test eval bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0 || $(BIN)/pip install -q torch
	$(BIN)/pip install -q -e '.[test]'
	@# an editable install leaves our own modules uncompiled: compile them once, not on every run
	$(BIN)/python -m compileall -q quotes
	@# no model folder yet (a machine with internet): fetch the official Stanza models once
	@test -f "$(STANZA_RESOURCES_DIR)/resources.json" || $(BIN)/python -c "import sys, stanza; \
		[stanza.download(lang, model_dir=sys.argv[1], processors='tokenize,mwt,pos,lemma,depparse') for lang in ('de', 'en')]" \
		"$(STANZA_RESOURCES_DIR)"

run:
	mkdir -p out
	$(BIN)/quotes extract seeds -o out/seeds.jsonl
	$(BIN)/quotes review out/seeds.jsonl --docs seeds -o out/report --sample 20
	@echo "wrote out/seeds.jsonl and out/report/index.html"

test:
	$(BIN)/python -m pytest -q

eval:
	$(BIN)/quotes eval --gold ../shared/corpora/de-news-quotes/dev/gold.jsonl --docs ../shared/corpora/de-news-quotes/dev/docs --lang de
	$(BIN)/quotes eval --gold ../shared/corpora/en-polnear/dev/gold.jsonl --docs ../shared/corpora/en-polnear/dev/docs --lang en

bench:
	$(BIN)/python bench/run.py

clean:
	rm -rf out .pytest_cache
