-- typos that SQLite's tokenizer does not know are PostgreSQL's errors:
-- the removed postfix factorial (20!), an operator with no right
-- operand, ! between numbers (42883), a backtick (an operator character
-- in PostgreSQL), characters no token starts with
SELECT 20!;
SELECT 20! AS x FROM pg_class;
SELECT 1 # 2 #;
SELECT 1 @;
SELECT (1 #) + 2;
SELECT 20 ! 3;
SELECT 1 !! 2;
SELECT 20 ! 'a';
SELECT `a`;
SELECT 1 \ 2;
SELECT {1};
SELECT 1 # 3, 1 != 2, 'a' !~ 'b';
