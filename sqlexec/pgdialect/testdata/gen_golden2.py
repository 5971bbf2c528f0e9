import re,subprocess,sys
port=open('/tmp/pgd/port').read().strip()
def psql(q):
    r=subprocess.run(['runuser','-u','postgres','--','psql','-X','-q','-h','/tmp/pgd','-p',port,'-U','postgres','-d','raftsql','-A','-F','|','-P','footer=off','-P','null=<NULL>','-c',q],capture_output=True,text=True)
    return r.stdout+(('ERROR: '+r.stderr) if r.stderr else '')
oids={}
for line in psql("select oid, relname from pg_class where relnamespace='public'::regnamespace").splitlines()[1:]:
    o,n=line.split('|'); oids[n]=o
txt=open('/work/main/sqlexec/pgdialect/testdata/psql_queries2.sql').read()
out=[]
for m in re.finditer(r'^-- name: ([^\n]*)\n(.*?)(?=^-- name: |\Z)', txt, flags=re.M|re.S):
    name,q=m.group(1),m.group(2)
    q=re.sub(r'\{\{oid:(\w+)\}\}', lambda mm: oids[mm.group(1)], q)
    res=psql(q)
    for n,o in sorted(oids.items(), key=lambda kv:-len(kv[1])):
        res=re.sub(r'\b%s\b'%o, '<oid:%s>'%n, res)
    out.append('-- name: %s\n%s'%(name,res))
open('/work/main/sqlexec/pgdialect/testdata/psql_catalog2.golden','w').write('\n'.join(out))
