"""Training recipe for argmine's English spaCy pipeline (data/models/argmine_en).

Nothing here is imported by argmine at run time: this package converts the treebanks in
``../shared/corpora`` to spaCy's binary format, trains, evaluates and packages the model.
"""
