PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,  -- schema_version, created_by
  value TEXT
);
INSERT INTO meta VALUES('schema_version','1');
INSERT INTO meta VALUES('created_by','cablewire 0.1.0');
CREATE TABLE records (
  rowid         INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,     -- cable, article, error
  record_id     TEXT NOT NULL,     -- the cable id; for articles a key (README)
  version       INTEGER NOT NULL,  -- 1, 2, ...: each new content of (kind, record_id)
  content_hash  TEXT NOT NULL,     -- FNV-1a 64 of the JSON without source, diagnostics
  source_path   TEXT,
  source_format TEXT,              -- the input form: wikileaks-html, anpa, ...
  source_index  INTEGER,           -- the unit's position in its input
  errors        INTEGER NOT NULL,  -- diagnostics of severity error
  warnings      INTEGER NOT NULL,  -- diagnostics of severity warning
  json          TEXT NOT NULL,     -- the whole record, as convert -o x.jsonl writes it
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (kind, record_id, content_hash),
  UNIQUE (kind, record_id, version)
);
INSERT INTO records VALUES(1,'cable','07VALLETTA412',1,'5b5bca535786337e','testdata/cables/valid/text-acp127/input.txt','text',0,0,0,'{"kind":"cable","id":"07VALLETTA412","id_source":"telegram","source":{"path":"testdata/cables/valid/text-acp127/input.txt","format":"text","index":0,"offset":0,"bytes":760},"release_id":null,"wikileaks":null,"csv":null,"routing":{"shape":"acp127","partial_extract":false,"transmission_id":{"raw":"VZCZCXRO2291","channel":"XRO","serial":"2291"},"precedence":{"prosign":"PP","action":"PRIORITY","info":"ROUTINE"},"indicators":["RUEHBS","RUEHLO","RUEHFR"],"originator":{"ri":"RUEHVL","ssn":"0412","part":"01","filed":{"raw":"0731420","day_of_year":73,"time":"14:20","iso":"2007-03-14T14:20:00Z"}},"security":{"prefix":"ZNY","group":"CCCCC","level":"CONFIDENTIAL","opsigs":["ZZH"]},"dtg":"2007-03-14T14:20:00Z","dtg_raw":"141420Z MAR 07","from":{"ri":null,"address":"AMEMBASSY VALLETTA","office":null,"precedence":null,"mcn":null},"to":[{"ri":"RUEHC","address":"SECSTATE WASHDC","office":null,"precedence":"PRIORITY","mcn":"4127"}],"info":[{"ri":"RUEHBS","address":"AMEMBASSY BRUSSELS","office":null,"precedence":"PRIORITY","mcn":"0311"},{"ri":"RUEHLO","address":"AMEMBASSY LONDON","office":null,"precedence":null,"mcn":"0978"},{"ri":"RUEHFR","address":"AMEMBASSY PARIS","office":null,"precedence":"PRIORITY","mcn":"0522"},{"ri":"RUEHC","address":"SECSTATE WASHDC","office":"EUR/WE","precedence":null,"mcn":null},{"ri":"RHEHNSC","address":"NSC WASHDC","office":null,"precedence":null,"mcn":null}],"xmt":[],"distribution":null,"page_lines":0,"other_lines":[]},"classification":{"level":"CONFIDENTIAL","level_source":"telegram","caveats":[],"raw":"C O N F I D E N T I A L SECTION 01 OF 02 VALLETTA 000412","section":{"n":1,"of":2}},"origin":"VALLETTA","serial":"000412","captions":["SIPDIS"],"pass_lines":[],"eo":{"order":"12958","decl":"2017-03-14","decl_raw":"03/14/2017","decl_code":null,"not_applicable":false},"tags":[{"value":"PREL","kind":"subject"},{"value":"MARR","kind":"subject"},{"value":"MT","kind":"geographic"}],"subject":"MALTA: HARBOR AUTHORITY OUTLINES NEW FERRY SCHEDULE","subject_marking":null,"references":[],"classified_by":{"raw":"Ambassador Jane Q. Example for reasons 1.4 (b) and (d)","titles":["Ambassador"],"names":["Jane Q. Example"],"reasons":["1.4(b)","1.4(d)"]},"paragraphs":[{"number":1,"marking":"C","heading":null,"text":"Summary: The harbor authority told poloff on March 13 that the winter ferry schedule will end two weeks early. End summary.","subparagraphs":[]},{"number":2,"marking":"U","heading":null,"text":"The new timetable adds four crossings a day.","subparagraphs":[]}],"summary":"The harbor authority told poloff on March 13 that the winter ferry schedule will end two weeks early.","comments":[],"notes":[],"signature":["EXAMPLE"],"furniture":{"page_breaks":0,"section_markers":0,"routing_blocks":0,"dump_lines":0},"diagnostics":[]}','2026-12-01T13:14:52Z');
INSERT INTO records VALUES(2,'cable','07VALLETTA415',1,'7af5115e39fad97f','testdata/cables/valid/text-body-elements/input.txt','text',0,0,0,'{"kind":"cable","id":"07VALLETTA415","id_source":"telegram","source":{"path":"testdata/cables/valid/text-body-elements/input.txt","format":"text","index":0,"offset":0,"bytes":1119},"release_id":null,"wikileaks":null,"csv":null,"routing":{"shape":"acp127","partial_extract":false,"transmission_id":{"raw":"VZCZCXRO5121","channel":"XRO","serial":"5121"},"precedence":{"prosign":"PP","action":"PRIORITY","info":null},"indicators":["RUEHVL"],"originator":{"ri":"RUEHVL","ssn":"0415","part":"01","filed":{"raw":"0761030","day_of_year":76,"time":"10:30","iso":"2007-03-17T10:30:00Z"}},"security":{"prefix":"ZNY","group":"SSSSS","level":"SECRET","opsigs":["ZZH"]},"dtg":"2007-03-17T10:30:00Z","dtg_raw":"171030Z MAR 07","from":{"ri":null,"address":"AMEMBASSY VALLETTA","office":null,"precedence":null,"mcn":null},"to":[{"ri":"RUEHC","address":"SECSTATE WASHDC","office":null,"precedence":"PRIORITY","mcn":"4130"}],"info":[{"ri":"RUEHRO","address":"AMEMBASSY ROME","office":null,"precedence":"PRIORITY","mcn":"0871"}],"xmt":[],"distribution":null,"page_lines":0,"other_lines":[]},"classification":{"level":"SECRET","level_source":"telegram","caveats":[],"raw":"S E C R E T SECTION 01 OF 02 VALLETTA 000415","section":{"n":1,"of":2}},"origin":"VALLETTA","serial":"000415","captions":["NOFORN","SIPDIS"],"pass_lines":["DEPT FOR EUR/WE, NSC FOR EXAMPLE"],"eo":{"order":"12958","decl":"2017-03-17","decl_raw":"03/17/2017","decl_code":null,"not_applicable":false},"tags":[{"value":"PREL","kind":"subject"},{"value":"PGOV","kind":"subject"},{"value":"KCRM","kind":"program"},{"value":"MT","kind":"geographic"},{"value":"IT","kind":"geographic"},{"value":"OVIP","kind":"subject"},{"value":"ROE, RICHARD A.","kind":"person"}],"subject":"MALTA: PORT OFFICIALS DESCRIBE A NEW FREIGHT INSPECTION REGIME","subject_marking":"S","references":[{"label":"A","id":"07VALLETTA402","raw":"VALLETTA 402 (NOTAL)","kind":"cable","origin":"VALLETTA","serial":"402","year":2007,"year_assumed":true,"caption":"NOTAL"},{"label":"B","id":"06ROME1150","raw":"06 ROME 1150 AND 1166","kind":"cable","origin":"ROME","serial":"1150","year":2006,"year_assumed":false,"caption":null},{"label":"B","id":"06ROME1166","raw":"06 ROME 1150 AND 1166","kind":"cable","origin":"ROME","serial":"1166","year":2006,"year_assumed":false,"caption":null},{"label":"C","id":null,"raw":"E-MAIL FROM DESK 3/12/07","kind":"email"}],"classified_by":{"raw":"Ambassador Jane Q. Example for reasons 1.4 (b) and (d)","titles":["Ambassador"],"names":["Jane Q. Example"],"reasons":["1.4(b)","1.4(d)"]},"paragraphs":[{"number":1,"marking":"S/NF","heading":null,"text":"SUMMARY: Port officials told poloff March 16 that a new inspection regime starts in April. END SUMMARY.","subparagraphs":[]},{"number":2,"marking":"C","heading":"The Inspection Plan","text":"The plan has three parts:","subparagraphs":[{"label":"A","marking":"C","text":"scanning of every container from outside the EU;"},{"label":"B","marking":"U","text":"a second shift of inspectors."}]},{"number":3,"marking":"C","heading":"The Inspection Plan","text":"COMMENT: The officials were candid (Note: they asked that their names not be used. End Note.) and eager to cooperate. END COMMENT.","subparagraphs":[]}],"summary":"Port officials told poloff March 16 that a new inspection regime starts in April.","comments":["The officials were candid (Note: they asked that their names not be used. End Note.) and eager to cooperate."],"notes":["they asked that their names not be used."],"signature":["EXAMPLE"],"furniture":{"page_breaks":0,"section_markers":2,"routing_blocks":0,"dump_lines":0},"diagnostics":[]}','2026-12-01T13:14:52Z');
INSERT INTO records VALUES(3,'article','wire:anpa:w:1234:1987-03-04T10:12:00-05:00:BC-Levee-Flood',1,'268c4da9ee3e72e0','testdata/articles/valid/anpa/input.anpa','anpa',0,0,0,'{"kind":"article","id":null,"id_source":null,"source":{"path":"testdata/articles/valid/anpa/input.anpa","format":"anpa","index":0,"offset":0,"bytes":521},"wire":{"format":"anpa","service":"w","story_number":"1234","selector":"a0123","priority":"r","priority_name":"regular","category":"i","category_name":"international","format_codes":null,"keyword":"BC-Levee-Flood","slugline":"Levee-Flood","version":null,"take_key":null,"reference":null,"date":"03-04","word_count":212,"optional":null,"sender":"AP-NY","keywords":[],"transmitted":"1987-03-04T10:12:00-05:00","trailer":"AP-NY-03-04-87 1012EST"},"reuters":null,"headline":"Levee holds as river crests in Wyoming town","deck":[],"bylines":[{"name":"MARTA KOWALSKI","title":"Associated Press Writer","affiliation":null}],"bio":[],"dateline":{"text":"RIVERTON, Wyo. (AP) _","location":"RIVERTON","region":"Wyo.","date":null,"agency":"AP","offset":197},"photo_credits":[],"contributors":[{"text":"Associated Press writer Hannah Lind contributed to this report.","agency":"AP","names":["Hannah Lind"]}],"agencies":["AP"],"attributions":[],"ednote":["Eds: With AP Photos."],"paragraphs":[{"text":"RIVERTON, Wyo. (AP) _ The Wind River crested two feet below the top of the new levee on Sunday, the county said.","offset":197,"subhead":false,"duplicate_of":null},{"text":"Volunteers stacked sandbags through the night _ some of them for the second time in four years.","offset":315,"subhead":false,"duplicate_of":null}],"chrome":["___"],"diagnostics":[]}','2026-12-01T13:14:52Z');
CREATE TABLE cables (
  record_rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
  id TEXT, id_source TEXT, release_id TEXT,
  dtg TEXT,                      -- ISO 8601 UTC
  dtg_raw TEXT, origin TEXT, serial TEXT,
  classification TEXT,           -- the level: SECRET, CONFIDENTIAL, ...
  classification_source TEXT, caveats TEXT, classification_raw TEXT,
  captions TEXT, subject TEXT, subject_marking TEXT,
  routing_shape TEXT, partial_extract INTEGER, transmission_id TEXT,
  precedence TEXT, originator_ri TEXT, filed TEXT, security_level TEXT,
  from_address TEXT, pass_lines TEXT,
  eo_order TEXT, eo_decl TEXT, eo_decl_code TEXT,
  classified_by TEXT, classified_by_titles TEXT, classified_by_names TEXT, reasons TEXT,
  summary TEXT, comments TEXT, notes TEXT, signature TEXT,
  wikileaks_created TEXT,        -- the release's own metadata, when the form has it
  csv_date TEXT
);
INSERT INTO cables VALUES(1,'07VALLETTA412','telegram',NULL,'2007-03-14T14:20:00Z','141420Z MAR 07','VALLETTA','000412','CONFIDENTIAL','telegram','[]','C O N F I D E N T I A L SECTION 01 OF 02 VALLETTA 000412','["SIPDIS"]','MALTA: HARBOR AUTHORITY OUTLINES NEW FERRY SCHEDULE',NULL,'acp127',0,'VZCZCXRO2291','PRIORITY','RUEHVL','2007-03-14T14:20:00Z','CONFIDENTIAL','AMEMBASSY VALLETTA','[]','12958','2017-03-14',NULL,'Ambassador Jane Q. Example for reasons 1.4 (b) and (d)','["Ambassador"]','["Jane Q. Example"]','["1.4(b)","1.4(d)"]','The harbor authority told poloff on March 13 that the winter ferry schedule will end two weeks early.','[]','[]','["EXAMPLE"]',NULL,NULL);
INSERT INTO cables VALUES(2,'07VALLETTA415','telegram',NULL,'2007-03-17T10:30:00Z','171030Z MAR 07','VALLETTA','000415','SECRET','telegram','[]','S E C R E T SECTION 01 OF 02 VALLETTA 000415','["NOFORN","SIPDIS"]','MALTA: PORT OFFICIALS DESCRIBE A NEW FREIGHT INSPECTION REGIME','S','acp127',0,'VZCZCXRO5121','PRIORITY','RUEHVL','2007-03-17T10:30:00Z','SECRET','AMEMBASSY VALLETTA','["DEPT FOR EUR/WE, NSC FOR EXAMPLE"]','12958','2017-03-17',NULL,'Ambassador Jane Q. Example for reasons 1.4 (b) and (d)','["Ambassador"]','["Jane Q. Example"]','["1.4(b)","1.4(d)"]','Port officials told poloff March 16 that a new inspection regime starts in April.','["The officials were candid (Note: they asked that their names not be used. End Note.) and eager to cooperate."]','["they asked that their names not be used."]','["EXAMPLE"]',NULL,NULL);
CREATE TABLE addressees (
  record_rowid INTEGER NOT NULL REFERENCES records (rowid),
  n            INTEGER NOT NULL,
  role         TEXT NOT NULL,  -- from, to, info, xmt
  ri TEXT, address TEXT, office TEXT, precedence TEXT, mcn TEXT,
  PRIMARY KEY (record_rowid, n)
) WITHOUT ROWID
;
INSERT INTO addressees VALUES(1,0,'from',NULL,'AMEMBASSY VALLETTA',NULL,NULL,NULL);
INSERT INTO addressees VALUES(1,1,'to','RUEHC','SECSTATE WASHDC',NULL,'PRIORITY','4127');
INSERT INTO addressees VALUES(1,2,'info','RUEHBS','AMEMBASSY BRUSSELS',NULL,'PRIORITY','0311');
INSERT INTO addressees VALUES(1,3,'info','RUEHLO','AMEMBASSY LONDON',NULL,NULL,'0978');
INSERT INTO addressees VALUES(1,4,'info','RUEHFR','AMEMBASSY PARIS',NULL,'PRIORITY','0522');
INSERT INTO addressees VALUES(1,5,'info','RUEHC','SECSTATE WASHDC','EUR/WE',NULL,NULL);
INSERT INTO addressees VALUES(1,6,'info','RHEHNSC','NSC WASHDC',NULL,NULL,NULL);
INSERT INTO addressees VALUES(2,0,'from',NULL,'AMEMBASSY VALLETTA',NULL,NULL,NULL);
INSERT INTO addressees VALUES(2,1,'to','RUEHC','SECSTATE WASHDC',NULL,'PRIORITY','4130');
INSERT INTO addressees VALUES(2,2,'info','RUEHRO','AMEMBASSY ROME',NULL,'PRIORITY','0871');
CREATE TABLE tags (
  record_rowid INTEGER NOT NULL REFERENCES records (rowid),
  n            INTEGER NOT NULL,
  value TEXT,
  kind  TEXT,  -- subject, geographic, program, organisation, person
  PRIMARY KEY (record_rowid, n)
) WITHOUT ROWID
;
INSERT INTO tags VALUES(1,0,'PREL','subject');
INSERT INTO tags VALUES(1,1,'MARR','subject');
INSERT INTO tags VALUES(1,2,'MT','geographic');
INSERT INTO tags VALUES(2,0,'PREL','subject');
INSERT INTO tags VALUES(2,1,'PGOV','subject');
INSERT INTO tags VALUES(2,2,'KCRM','program');
INSERT INTO tags VALUES(2,3,'MT','geographic');
INSERT INTO tags VALUES(2,4,'IT','geographic');
INSERT INTO tags VALUES(2,5,'OVIP','subject');
INSERT INTO tags VALUES(2,6,'ROE, RICHARD A.','person');
CREATE TABLE refs (
  record_rowid INTEGER NOT NULL REFERENCES records (rowid),
  n            INTEGER NOT NULL,
  label TEXT,
  ref_id TEXT,  -- the referenced cable's id; NULL for e-mails, telcons, ...
  kind TEXT, raw TEXT, origin TEXT, serial TEXT, year INTEGER, year_assumed INTEGER,
  caption TEXT,
  PRIMARY KEY (record_rowid, n)
) WITHOUT ROWID
;
INSERT INTO refs VALUES(2,0,'A','07VALLETTA402','cable','VALLETTA 402 (NOTAL)','VALLETTA','402',2007,1,'NOTAL');
INSERT INTO refs VALUES(2,1,'B','06ROME1150','cable','06 ROME 1150 AND 1166','ROME','1150',2006,0,NULL);
INSERT INTO refs VALUES(2,2,'B','06ROME1166','cable','06 ROME 1150 AND 1166','ROME','1166',2006,0,NULL);
INSERT INTO refs VALUES(2,3,'C',NULL,'email','E-MAIL FROM DESK 3/12/07',NULL,NULL,NULL,NULL,NULL);
CREATE TABLE paragraphs (
  record_rowid INTEGER NOT NULL REFERENCES records (rowid),
  n            INTEGER NOT NULL,
  number       INTEGER,  -- cables: the paragraph number (NULL for unnumbered text)
  label        TEXT,     -- cables: the subparagraph label (A, B, ...)
  parent       INTEGER,  -- cables: n of a subparagraph's paragraph
  marking      TEXT,     -- cables: portion marking (C, S/NF, ...)
  heading      TEXT,     -- cables
  text         TEXT,
  offset       INTEGER,  -- articles: byte offset in the input
  subhead      INTEGER,  -- articles: 1 for a subheading
  duplicate_of INTEGER,  -- articles: n of the earlier paragraph this one repeats
  PRIMARY KEY (record_rowid, n)
);
INSERT INTO paragraphs VALUES(1,0,1,NULL,NULL,'C',NULL,'Summary: The harbor authority told poloff on March 13 that the winter ferry schedule will end two weeks early. End summary.',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(1,1,2,NULL,NULL,'U',NULL,'The new timetable adds four crossings a day.',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(2,0,1,NULL,NULL,'S/NF',NULL,'SUMMARY: Port officials told poloff March 16 that a new inspection regime starts in April. END SUMMARY.',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(2,1,2,NULL,NULL,'C','The Inspection Plan','The plan has three parts:',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(2,2,2,'A',1,'C',NULL,'scanning of every container from outside the EU;',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(2,3,2,'B',1,'U',NULL,'a second shift of inspectors.',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(2,4,3,NULL,NULL,'C','The Inspection Plan','COMMENT: The officials were candid (Note: they asked that their names not be used. End Note.) and eager to cooperate. END COMMENT.',NULL,NULL,NULL);
INSERT INTO paragraphs VALUES(3,0,NULL,NULL,NULL,NULL,NULL,'RIVERTON, Wyo. (AP) _ The Wind River crested two feet below the top of the new levee on Sunday, the county said.',197,0,NULL);
INSERT INTO paragraphs VALUES(3,1,NULL,NULL,NULL,NULL,NULL,'Volunteers stacked sandbags through the night _ some of them for the second time in four years.',315,0,NULL);
CREATE TABLE articles (
  record_rowid INTEGER PRIMARY KEY REFERENCES records (rowid),
  headline TEXT, deck TEXT,
  dateline TEXT, dateline_location TEXT, dateline_region TEXT, dateline_date TEXT,
  dateline_agency TEXT, dateline_offset INTEGER,
  agencies TEXT, bio TEXT, ednote TEXT,
  wire_format TEXT, wire_service TEXT, wire_story_number TEXT, wire_priority TEXT,
  wire_category TEXT, wire_keyword TEXT, wire_slugline TEXT, wire_take_key TEXT,
  wire_date TEXT, wire_word_count INTEGER, wire_sender TEXT,
  wire_transmitted TEXT,  -- ISO 8601, with its offset
  reuters_newid TEXT, reuters_oldid TEXT, reuters_date TEXT, reuters_topics TEXT,
  reuters_places TEXT
);
INSERT INTO articles VALUES(3,'Levee holds as river crests in Wyoming town','[]','RIVERTON, Wyo. (AP) _','RIVERTON','Wyo.',NULL,'AP',197,'["AP"]','[]','["Eds: With AP Photos."]','anpa','w','1234','r','i','BC-Levee-Flood','Levee-Flood',NULL,'03-04',212,'AP-NY','1987-03-04T10:12:00-05:00',NULL,NULL,NULL,NULL,NULL);
CREATE TABLE bylines (
  record_rowid INTEGER NOT NULL REFERENCES records (rowid),
  n            INTEGER NOT NULL,
  name TEXT, title TEXT, affiliation TEXT,
  PRIMARY KEY (record_rowid, n)
) WITHOUT ROWID
;
INSERT INTO bylines VALUES(3,0,'MARTA KOWALSKI','Associated Press Writer',NULL);
CREATE TABLE credits (
  record_rowid INTEGER NOT NULL REFERENCES records (rowid),
  n            INTEGER NOT NULL,
  kind    TEXT NOT NULL,  -- photo, contributor
  text    TEXT,           -- (AP Photo/...) or the contributor line
  agency  TEXT,
  name    TEXT,           -- the photographer, or the contributors' names joined by ', '
  caption TEXT,           -- photo: the caption the credit ends
  PRIMARY KEY (record_rowid, n)
) WITHOUT ROWID
;
INSERT INTO credits VALUES(3,0,'contributor','Associated Press writer Hannah Lind contributed to this report.','AP','Hannah Lind',NULL);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','fulltext','fulltext',0,'CREATE VIRTUAL TABLE fulltext USING fts5 (
  title, text, content = '''', tokenize = ''unicode61 remove_diacritics 2''
)');
CREATE TABLE IF NOT EXISTS 'fulltext_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO fulltext_data VALUES(1,X'03187e');
INSERT INTO fulltext_data VALUES(10,X'000000000103030003010101020101030101');
INSERT INTO fulltext_data VALUES(137438953473,X'0000013b03303133010601010a010161010601011d0203646473010601011a02087574686f72697479010804010105010963726f7373696e6773010601011c0103646179010601011e01056561726c79010601011402026e640108010111060105666572727901080701010e02036f7572010601011b0106686172626f7201080301010401056d616c74610102020303726368010601010901036e657701080601011801026f6e0106010108020775746c696e65730102050106706f6c6f6666010601010701087363686564756c6501080801010f0206756d6d617279010801010216010474686174010601010b030165010a0101030b0d0208696d657461626c65010601011902036f6c6401060101060202776f010601011201057765656b7301060101130203696c6c010601011003046e746572010601010d0409080a10100a0c0a0d0a0e0a0a0b090c0d100e0b0a0f0a090c0a');
INSERT INTO fulltext_data VALUES(274877906945,X'00000227033031360206010108010161020a0601010a1b02026e64020601013802047072696c02060101100204736b6564020601012f010262650206010134010663616e646964020601012c02066f6d6d656e7402080101281703076e7461696e6572020601011e03076f706572617465020601013b0108646573637269626502020501056561676572020601013902026e64020a01011127080201750206010122020476657279020601011d01076672656967687402020803026f6d020601011f010368617302060101180102696e020601010f03087370656374696f6e020a0901010c0a08036f7273020601012701056d616c74610202020303726368020601010701056e616d657302060101320202657702080701010b02026f740206010133040165020801012d0c01026f66020801011c0c030766696369616c73020a04010104280206757473696465020601012001057061727473020601011a02036c616e02080101150402056f6c6f66660206010106030272740208030101030106726567696d6502080a01010d01087363616e6e696e67020601011b020565636f6e640206010124020468696674020601012502057461727473020601010e0206756d6d617279020801010212010474686174020801010929030165020c010113050d0a040269720206010131040179020601012e0303726565020601011902016f020601013a03026c6402060101050104757365640206010135010477657265020601012b04090a090b0b090d0e0e0e0d0c0b080b0c090a09110a0a0a0c0a09090a100d0c0b0c0a0e0f0c0b0c0e0c0b09080a08090b');
INSERT INTO fulltext_data VALUES(412316860417,X'00000182033061700306010104020173030204010562656c6f77030601010b0106636f756e7479030601011502067265737465640306010108060173030206010466656574030601010a02026f7203060101200302757203060101250105686f6c64730302030102696e03080701012401056c6576656503080201011101036e65770306010110020469676874030601011c01026f66030801010e1202016e0306010112010572697665720308050101070603746f6e0306010102010473616964030601011603066e64626167730306010119020565636f6e64030601012202036f6d65030601011d02067461636b656403060101180205756e646179030601011301037468650310010105090507090804016d030601011f0305726f756768030601011a0203696d65030601012302026f70030601010d0302776e0302090202776f0306010109010a766f6c756e74656572730306010117010477696e6403060101060202796f030601010304046d696e670302080105796561727303060101260409060c0d0d060b09090a0a0d0a0b0a080d0a0b0d0c0a0d0c0f080c0a090709110b0909');
CREATE TABLE IF NOT EXISTS 'fulltext_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO fulltext_idx VALUES(1,X'',2);
INSERT INTO fulltext_idx VALUES(2,X'',2);
INSERT INTO fulltext_idx VALUES(3,X'',2);
CREATE TABLE IF NOT EXISTS 'fulltext_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO fulltext_docsize VALUES(1,X'071d');
INSERT INTO fulltext_docsize VALUES(2,X'093c');
INSERT INTO fulltext_docsize VALUES(3,X'0825');
CREATE TABLE IF NOT EXISTS 'fulltext_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO fulltext_config VALUES('version',4);
CREATE VIEW latest AS
  SELECT r.* FROM records r
  WHERE r.version = (SELECT max(m.version) FROM records m
                     WHERE m.kind = r.kind AND m.record_id = r.record_id);
CREATE INDEX cables_id ON cables (id)
;
CREATE INDEX addressees_address ON addressees (address)
;
CREATE INDEX tags_value ON tags (value)
;
CREATE INDEX refs_ref_id ON refs (ref_id)
;
CREATE INDEX bylines_name ON bylines (name)
;
PRAGMA writable_schema=OFF;
COMMIT;
