<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="215"/>
        <source>Accept and assign</source>
        <translation>派题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="235"/>
        <source>Assigned to</source>
        <translation>承办人</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="237"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="244"/>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="262"/>
        <source>Accept</source>
        <translation>派题</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../ui/accounts_tab.py" line="57"/>
        <source>Short name, e.g. qingxi</source>
        <translation>代号，如 qingxi</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="60"/>
        <source>Name readers see, e.g. 清溪发布</source>
        <translation>公众号名称，如 清溪发布</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="61"/>
        <source>Add account</source>
        <translation>添加公众号</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="75"/>
        <source>Kept on this PC only; leave empty to keep it</source>
        <translation>只保存在本机；留空则不改</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="81"/>
        <source>API base</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="84"/>
        <source>Save connection</source>
        <translation>保存接口设置</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="87"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="100"/>
        <source>On the 公众平台 (mp.weixin.qq.com): 设置与开发 → 基本配置 shows the AppID and lets an administrator reset the AppSecret; the IP whitelist on the same page must hold this office's public IP (or the relay host's, when calls go through an API base of your own).</source>
        <translation>在公众平台（mp.weixin.qq.com）的“设置与开发 → 基本配置”中可查看 AppID、由管理员重置 AppSecret；同一页的“IP白名单”须填入本单位的公网 IP（如经中转主机调用接口，则填中转主机的 IP）。</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="136"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="165"/>
        <source>Saved. The AppSecret is kept on this PC only.</source>
        <translation>已保存。AppSecret 只保存在本机。</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="173"/>
        <source>Asking WeChat…</source>
        <translation>正在连接微信…</translation>
    </message>
    <message>
        <location filename="../../ui/accounts_tab.py" line="186"/>
        <source>Connected: WeChat accepts this AppID and AppSecret from this PC's address.</source>
        <translation>连接正常：微信接受本机以这个 AppID 和 AppSecret 调用接口。</translation>
    </message>
</context>
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="49"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="52"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="53"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="61"/>
        <source>Accounts and API</source>
        <translation>公众号与接口</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="62"/>
        <source>Word lists</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="64"/>
        <source>Proofreading lists</source>
        <translation>校对词库</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="65"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="71"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="81"/>
        <location filename="../../ui/admin_dialog.py" line="90"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="81"/>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="83"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="93"/>
        <source>Display name, e.g. 马编辑</source>
        <translation>显示名，例如：马编辑</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="98"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="99"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="112"/>
        <source>Save role and status changes</source>
        <translation>保存角色和状态修改</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="115"/>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="193"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="194"/>
        <source>New password for {0}:</source>
        <translation>{0} 的新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="226"/>
        <location filename="../../ui/admin_dialog.py" line="272"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="229"/>
        <source>WeChat account name</source>
        <translation>公众号名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="230"/>
        <source>Reprint notice</source>
        <translation>转载声明</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="231"/>
        <source>Closing line</source>
        <translation>文末结束语</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="232"/>
        <source>Default theme</source>
        <translation>默认排版主题</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="233"/>
        <source>Previous issues shown</source>
        <translation>往期回顾条数</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="263"/>
        <source>Banned words (block submit and export)</source>
        <translation>禁用词（阻止提交和导出）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="264"/>
        <source>Absolute terms (a hint; a warning in promotional columns)</source>
        <translation>极限词（新闻稿中为提示，推广栏目中为警告）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="271"/>
        <source>One word per line; lines starting with # are notes.</source>
        <translation>每行一个词；以 # 开头的行是备注。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="292"/>
        <source>A backup is a complete copy of the database, made safely while others keep working. Keep copies on another disk.</source>
        <translation>备份是数据库的完整副本，其他人继续工作时也可以安全备份。请把副本存放在另一块磁盘上。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="297"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="301"/>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="309"/>
        <source>This workspace is on the newsroom's PostgreSQL server. It is backed up on the server with pg_dump, and restored there with pg_restore (see the README's team mode section); this PC keeps no copy.</source>
        <translation>本工作区在单位的 PostgreSQL 服务器上，由服务器用 pg_dump 备份、用 pg_restore 恢复（见说明文档“团队模式”一节），本机不另存副本。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="326"/>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="326"/>
        <location filename="../../ui/admin_dialog.py" line="339"/>
        <source>Database (*.db)</source>
        <translation>数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="335"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="339"/>
        <source>Restore from</source>
        <translation>从以下备份恢复</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="345"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="347"/>
        <source>Replace everything in this workspace with the backup {0}? The current contents are kept in a separate file first.</source>
        <translation>要用备份 {0} 替换当前工作区的全部内容吗？当前内容会先另存为一个文件。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="367"/>
        <source>Restored from {0}. What was there before is in {1}.</source>
        <translation>已从 {0} 恢复。恢复前的数据保存在 {1}。</translation>
    </message>
</context>
<context>
    <name>ArticleFiles</name>
    <message>
        <source>These files exist and would be replaced:
{0}

Replace them?</source>
        <translation>以下文件已存在，将被替换：
{0}

要替换吗？</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="75"/>
        <source>Copied. Paste it into the WeChat editor (mp.weixin.qq.com).</source>
        <translation>已复制，请粘贴到公众号编辑器（mp.weixin.qq.com）。</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="83"/>
        <source>Export HTML</source>
        <translation>导出 HTML</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="83"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="96"/>
        <location filename="../../ui/article_files.py" line="189"/>
        <location filename="../../ui/article_files.py" line="209"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="103"/>
        <source>Pictures ({0})</source>
        <translation>图片 ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="110"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="114"/>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="132"/>
        <source>Insert picture</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="166"/>
        <source>Review form</source>
        <translation>审签单</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="180"/>
        <source>Save review form</source>
        <translation>保存审签单</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="180"/>
        <location filename="../../ui/article_files.py" line="197"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/article_files.py" line="197"/>
        <source>Save review forms</source>
        <translation>保存月度审签单</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../ui/connection.py" line="94"/>
        <source>Database — Newsdesk</source>
        <translation>数据库 — 稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="98"/>
        <source>A database file on this PC (one PC)</source>
        <translation>本机的数据库文件（单机使用）</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="100"/>
        <source>The newsroom's server, PostgreSQL (several PCs)</source>
        <translation>单位的团队服务器 PostgreSQL（多台电脑共用）</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="109"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="129"/>
        <source>kept in a file only you can read</source>
        <translation>保存在仅你可读的文件中</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="132"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="133"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="134"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="135"/>
        <source>Database user</source>
        <translation>数据库用户</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="136"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="141"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="153"/>
        <source>One PC keeps everything in a file. Several PCs share one PostgreSQL server; your administrator gives you its address, database, user and password. The change takes effect at the next sign-in.</source>
        <translation>单机使用时，所有稿件保存在本机的一个文件里；多台电脑共用时，连接单位的 PostgreSQL 服务器，地址、数据库、用户和密码请向管理员索取。更改在下次登录时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="191"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="193"/>
        <source>Newsdesk database (*.db)</source>
        <translation>稿件工作站数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="216"/>
        <source>A file on this PC needs no test.</source>
        <translation>本机文件无需测试。</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="219"/>
        <source>Enter the server's address first.</source>
        <translation>请先填写服务器地址。</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="225"/>
        <source>Connected. The database is empty: Newsdesk sets it up at first start.</source>
        <translation>连接成功。这个数据库还是空的，首次启动时会自动建立工作区。</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="234"/>
        <source>Connected: a workspace with {0} staff.</source>
        <translation>连接成功：工作区现有 {0} 位人员。</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../ui/diff_dialog.py" line="38"/>
        <source>Changes</source>
        <translation>修改对比</translation>
    </message>
    <message>
        <location filename="../../ui/diff_dialog.py" line="42"/>
        <source>Compare the current text with</source>
        <translation>当前文字对比</translation>
    </message>
    <message>
        <location filename="../../ui/diff_dialog.py" line="65"/>
        <source>No earlier version.</source>
        <translation>没有更早的修改版本。</translation>
    </message>
    <message>
        <location filename="../../ui/diff_dialog.py" line="76"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../ui/findings_panel.py" line="64"/>
        <source>Apply suggestion</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="68"/>
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="78"/>
        <source>Other reason…</source>
        <translation>其他理由…</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="110"/>
        <source>Source: {0}</source>
        <translation>依据：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="114"/>
        <source>Dismissed by {0} at {1}: {2}</source>
        <translation>{0} 于 {1} 忽略：{2}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="126"/>
        <source>Proofreading — errors: {0}, warnings: {1}, hints: {2}, dismissed: {3}</source>
        <translation>校对：错误 {0} 处，警告 {1} 处，提示 {2} 处，已忽略 {3} 处</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="133"/>
        <source>Proofreading: no problems found</source>
        <translation>校对：未发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="146"/>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="148"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="148"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="155"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="155"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="197"/>
        <source>A banned word cannot be dismissed, only removed</source>
        <translation>禁用词不能忽略，只能删改</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="131"/>
        <source>Welcome to Newsdesk</source>
        <translation>欢迎使用稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="135"/>
        <source>Create the administrator account. The administrator adds the newsroom's staff and sets up the WeChat account; it does not sign articles.</source>
        <translation>请创建管理员账号。管理员负责添加本单位人员、设置公众号信息，不参与稿件审签。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143"/>
        <source>e.g. 舟曲发布</source>
        <translation>例如：舟曲发布</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="145"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="150"/>
        <source>WeChat account name</source>
        <translation>公众号名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="151"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="152"/>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="154"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="158"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LeadersPage</name>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="139"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="139"/>
        <source>Titles (、)</source>
        <translation>职务（用顿号分隔）</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="142"/>
        <source>In protocol order: names listed together in an article are checked against this order. Titles as the newsroom writes them, separated by 、.</source>
        <translation>请按排名顺序填写：稿件中并列出现的领导按此顺序核对。职务按本单位规范写法填写，多个职务用顿号分隔。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Newsdesk — {0}</source>
        <translation>稿件工作站 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Formatting</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>Compare both texts</source>
        <translation>对比两份文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>Review</source>
        <translation>审稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>⚠ Database on a network share</source>
        <translation>⚠ 数据库位于网络共享</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>New article</source>
        <translation>新建稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="266"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Submit</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>Reopen…</source>
        <translation>重新编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>Spike…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Mark published…</source>
        <translation>标记为已发布…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="288"/>
        <source>Copy for WeChat</source>
        <translation>复制到公众号</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>Heading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="323"/>
        <source>Picture…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>&amp;Article</source>
        <translation>稿件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
        <source>Database…</source>
        <translation>数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="338"/>
        <source>&amp;Review</source>
        <translation>审稿(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="344"/>
        <source>Print review form…</source>
        <translation>打印审签单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Save review form as PDF…</source>
        <translation>审签单另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>Review forms of a month…</source>
        <translation>月度审签单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>Push to the official account…</source>
        <translation>推送到公众号…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>Topics</source>
        <translation>选题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>Workload statistics</source>
        <translation>工作量统计</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="83"/>
        <source>Visual editing</source>
        <translation>所见即所得</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="88"/>
        <source>On: edit the article as it looks. Off: edit its Markdown source.</source>
        <translation>开：按成稿样子编辑；关：编辑 Markdown 源码。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>A&amp;dministration</source>
        <translation>管理(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>Staff, account and backup…</source>
        <translation>人员、公众号与备份…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <location filename="../../ui/main_window.py" line="774"/>
        <source>About Newsdesk</source>
        <translation>关于稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <source>Unsaved text from your last session was kept. Restore it?</source>
        <translation>上次有未保存的文字，已为您保留。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="470"/>
        <source>{0} is editing since {1} (on {2}); you see it read-only.</source>
        <translation>{0} 自 {1} 起正在编辑（{2}），您现在只能查看。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="502"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="573"/>
        <source>Reason (the editors will see it):</source>
        <translation>退回意见（编辑可以看到）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>Mark published</source>
        <translation>标记为已发布</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>The article's address on WeChat (https://mp.weixin.qq.com/…):</source>
        <translation>文章在公众号上的地址（https://mp.weixin.qq.com/…）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="598"/>
        <source>Done: {0}</source>
        <translation>已完成：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="624"/>
        <source>Open an article first</source>
        <translation>请先打开一篇稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="649"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="664"/>
        <source>Characters: {0} · about {1} min read</source>
        <translation>字数 {0} · 约 {1} 分钟读完</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="723"/>
        <source>Saved: {0}. It is used from the next sign-in.</source>
        <translation>已保存：{0}。下次登录时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="776"/>
        <source>&lt;b&gt;稿件工作站 Newsdesk&lt;/b&gt; {0}&lt;br&gt;Editorial workstation for county newsrooms.&lt;br&gt;Log folder: {1}</source>
        <translation>&lt;b&gt;稿件工作站&lt;/b&gt; {0}&lt;br&gt;县级融媒体中心的稿件编辑与三审工具。&lt;br&gt;日志文件夹：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>Updated: someone else changed this article</source>
        <translation>已更新：其他人修改了这篇稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source> and {0} more</source>
        <translation>，另有 {0} 篇</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>New in My tasks: {0}</source>
        <translation>新的待办：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>Newsdesk</source>
        <translation>稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>The database server is not answering. What you type stays on this PC and is saved as soon as the server answers; trying again every few seconds.</source>
        <translation>数据库服务器没有响应。正在输入的文字保留在本机，服务器恢复后立即保存；每隔几秒自动重试。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>The server answers again</source>
        <translation>已重新连上服务器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>Server unreachable</source>
        <translation>连不上服务器</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>The database server does not answer, so the latest text is not saved there yet. It is kept on this PC and offered again when you next open the article. Close anyway?</source>
        <translation>数据库服务器没有响应，最新的文字还没保存到服务器。文字已保留在本机，下次打开这篇稿件时会提示恢复。仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <location filename="../../ui/editor.py" line="198"/>
        <source>bold text</source>
        <translation>加粗文字</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="213"/>
        <source>link text</source>
        <translation>链接文字</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="216"/>
        <source>| Column | Column |</source>
        <translation>| 列 | 列 |</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="249"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../ui/metadata_form.py" line="69"/>
        <source>Headline as it will appear in WeChat</source>
        <translation>公众号文章标题</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="72"/>
        <source>Empty: WeChat uses the first 54 characters</source>
        <translation>留空则由公众号取正文前 54 字</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="80"/>
        <source>Original</source>
        <translation>原创声明</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="84"/>
        <source>User names, separated by commas</source>
        <translation>用户名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="85"/>
        <location filename="../../ui/metadata_form.py" line="140"/>
        <location filename="../../ui/metadata_form.py" line="166"/>
        <source>No cover image</source>
        <translation>未设置封面图</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="87"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="98"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="101"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="102"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="103"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="104"/>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="105"/>
        <source>Source link</source>
        <translation>阅读原文链接</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="106"/>
        <source>Co-editors</source>
        <translation>共同编辑</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="107"/>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="140"/>
        <location filename="../../ui/metadata_form.py" line="166"/>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
</context>
<context>
    <name>MonthDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>Review forms of a month</source>
        <translation>月度审签单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="210"/>
        <source>Every article published in this month, one page each:</source>
        <translation>本月发布的每篇稿件各占一页：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="216"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
</context>
<context>
    <name>PackPage</name>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="172"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="172"/>
        <source>Wrong</source>
        <translation>错误写法</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="172"/>
        <source>Right</source>
        <translation>正确写法</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="172"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="173"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="173"/>
        <source>Where from</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="178"/>
        <source>Shipped entries can be switched off; the newsroom's own entries can be added, changed and removed. Agencies need the year the body was renamed.</source>
        <translation>内置条目可以停用；本单位条目可以添加、修改和删除。机构名称须填写更名年份。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="199"/>
        <source>shipped</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="199"/>
        <source>this newsroom</source>
        <translation>本单位</translation>
    </message>
</context>
<context>
    <name>PlanCalendar</name>
    <message>
        <location filename="../../ui/plan_calendar.py" line="205"/>
        <source>Schedule</source>
        <translation>排期</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="218"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="223"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="226"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="237"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="246"/>
        <source>Earlier</source>
        <translation>往前</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="247"/>
        <source>Later</source>
        <translation>往后</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="257"/>
        <source>went out (time)</source>
        <translation>实际发出（时间）</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="259"/>
        <source>Planned:</source>
        <translation>计划：</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="290"/>
        <source>Not scheduled</source>
        <translation>待排期</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="292"/>
        <source>Drag a topic onto a day; drag one here to take it off</source>
        <translation>把选题拖到某一天即排期；拖回这里即取消排期</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="389"/>
        <source> · today</source>
        <translation> · 今天</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="421"/>
        <source>Published {0} {1}
{2}</source>
        <translation>已发布 {0} {1}
{2}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="441"/>
        <source>Every topic has a day.</source>
        <translation>所有选题都已排期。</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="493"/>
        <source>Taken off the schedule: {0}</source>
        <translation>已取消排期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="495"/>
        <source>Rescheduled: {0} → {1}</source>
        <translation>已改排期：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="516"/>
        <source>Move to {0}</source>
        <translation>改为{0}</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="520"/>
        <source>Take off the schedule</source>
        <translation>取消排期</translation>
    </message>
    <message>
        <location filename="../../ui/plan_calendar.py" line="525"/>
        <source>Open article</source>
        <translation>打开稿件</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview.py" line="111"/>
        <source>Dark mode</source>
        <translation>深色模式</translation>
    </message>
</context>
<context>
    <name>Proofing</name>
    <message>
        <location filename="../../ui/proofing.py" line="112"/>
        <location filename="../../ui/proofing.py" line="118"/>
        <source>The text has changed there; check again</source>
        <translation>该处文字已改动，请重新核对</translation>
    </message>
    <message>
        <location filename="../../ui/proofing.py" line="121"/>
        <source>Applied: {0} → {1}</source>
        <translation>已采纳：{0} → {1}</translation>
    </message>
    <message>
        <location filename="../../ui/proofing.py" line="136"/>
        <source>Dismissed: {0} ({1})</source>
        <translation>已忽略：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/proofing.py" line="141"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../ui/proofing.py" line="142"/>
        <source>Why may “{0}” stand as written?</source>
        <translation>“{0}”为什么可以保留原样？</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="152"/>
        <source>Propose a topic</source>
        <translation>报题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="159"/>
        <source>What the story is, in a line</source>
        <translation>一句话说清报道什么</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="163"/>
        <source>Angle, people to see, pictures needed… (becomes a note on the draft)</source>
        <translation>角度、采访对象、配图要求……（开始写稿后作为稿件备注）</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="175"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="176"/>
        <source>Brief</source>
        <translation>选题说明</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="177"/>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="178"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="182"/>
        <source>Propose</source>
        <translation>报题</translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <location filename="../../ui/push_dialog.py" line="58"/>
        <source>Push to the official account</source>
        <translation>推送到公众号</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="71"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="75"/>
        <source>Tick the signed articles to push and drag them into order: the first is the lead article (头条), up to {0} in one draft.</source>
        <translation>勾选要推送的已签发稿件，拖动排好顺序：第一篇为头条，一次最多 {0} 篇。</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="102"/>
        <source>Cover in the feed (2.35:1) and when shared (1:1)</source>
        <translation>封面：消息列表中（2.35:1）和分享时（1:1）</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="111"/>
        <source>Publish right after (verified accounts only)</source>
        <translation>推送后立即发布（仅限已认证的公众号）</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="125"/>
        <source>Open mp.weixin.qq.com</source>
        <translation>打开公众平台</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="128"/>
        <source>Push to the draft box</source>
        <translation>推送到草稿箱</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="132"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="164"/>
        <source>ticked</source>
        <translation>已勾选</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="166"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="168"/>
        <source>not started</source>
        <translation>尚未开始写稿</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="170"/>
        <source>not signed yet</source>
        <translation>尚未签发</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="171"/>
        <source>{0} “{1}” {2}</source>
        <translation>{0}《{1}》{2}</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="172"/>
        <source>Today's plan: {0}</source>
        <translation>今日排期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="193"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="197"/>
        <source>Planned for today: {0}</source>
        <translation>今日排期：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="205"/>
        <source>No signed articles of this account wait to be pushed.</source>
        <translation>这个公众号没有待推送的已签发稿件。</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="222"/>
        <source>Tick at least one article.</source>
        <translation>请至少勾选一篇稿件。</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="234"/>
        <source>Ready — articles: {0}, the lead 《{1}》.</source>
        <translation>可以推送：共 {0} 篇，头条《{1}》。</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="243"/>
        <source>No cover image</source>
        <translation>未设置封面图</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="272"/>
        <source>Pushing…</source>
        <translation>正在推送…</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="295"/>
        <source>Preview of article {0}</source>
        <translation>第 {0} 篇预览</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="301"/>
        <source>Updated the draft pushed last time</source>
        <translation>已更新上次推送的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="303"/>
        <source>A new draft is in the draft box</source>
        <translation>新草稿已放入草稿箱</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="308"/>
        <source>Publishing…</source>
        <translation>正在发布…</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="331"/>
        <source>Published.</source>
        <translation>已发布。</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="335"/>
        <source>Not published: {0}. The draft stays in the draft box.</source>
        <translation>发布未成功：{0}。草稿仍在草稿箱中。</translation>
    </message>
    <message>
        <location filename="../../ui/push_dialog.py" line="345"/>
        <source>Something went wrong; details are in the log.</source>
        <translation>出了点问题，详情已写入日志。</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/review_panel.py" line="51"/>
        <source>Changes since I signed…</source>
        <translation>自我签字后的修改…</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="56"/>
        <source>Sign-offs</source>
        <translation>审签</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="57"/>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="58"/>
        <source>Reasons for return</source>
        <translation>退回意见</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="59"/>
        <source>Review history</source>
        <translation>审稿记录</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="103"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="62"/>
        <source>Sign in — Newsdesk</source>
        <translation>登录 — 稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="64"/>
        <source>稿件工作站 Newsdesk</source>
        <translation>稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="73"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="74"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="82"/>
        <source>Demo workspace. Every demo user's password is {0}</source>
        <translation>演示工作区。所有演示用户的密码都是 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="97"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="102"/>
        <source>Database…</source>
        <translation>数据库…</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/stats_view.py" line="84"/>
        <source>Workload statistics</source>
        <translation>工作量统计</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="94"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="96"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="99"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="100"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="101"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="108"/>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="111"/>
        <source>Export .csv…</source>
        <translation>导出 .csv…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="124"/>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="125"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="126"/>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="127"/>
        <source>Columns</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="128"/>
        <source>Official accounts</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="133"/>
        <source>Per person:</source>
        <translation>按人员：</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="231"/>
        <source>In this range — people who worked: {0}; articles published: {1}; characters: {2}.</source>
        <translation>这段时间共 {0} 人有工作记录；发布稿件 {1} 篇，共 {2} 字。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="239"/>
        <source>No work recorded in this range.</source>
        <translation>这段时间没有工作记录。</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="273"/>
        <source>Per person</source>
        <translation>人员工作量</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="277"/>
        <source>Per person: no work in this range</source>
        <translation>人员工作量：这段时间没有记录</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="284"/>
        <source>Per person: none of these in this range</source>
        <translation>人员工作量：这段时间没有这几项</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="311"/>
        <source>Per person (the {0} most published)</source>
        <translation>人员工作量（发布最多的 {0} 人）</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="318"/>
        <source>Articles published per day</source>
        <translation>每日发布稿件</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="343"/>
        <source>Published</source>
        <translation>发布稿件</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="374"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="374"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="377"/>
        <source>Export statistics</source>
        <translation>导出工作量统计</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="393"/>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../ui/task_panel.py" line="48"/>
        <source>Search titles and text…</source>
        <translation>搜索标题和正文…</translation>
    </message>
    <message>
        <location filename="../../ui/task_panel.py" line="81"/>
        <source>My tasks</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/task_panel.py" line="148"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="195"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>TopicBoard</name>
    <message>
        <location filename="../../ui/topic_board.py" line="306"/>
        <source>Topics</source>
        <translation>选题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="316"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="319"/>
        <source>Propose…</source>
        <translation>报题…</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="323"/>
        <source>Accept…</source>
        <translation>派题…</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="326"/>
        <source>Start writing</source>
        <translation>开始写稿</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="329"/>
        <source>Drop…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="332"/>
        <source>Open article</source>
        <translation>打开稿件</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="385"/>
        <source>All accounts</source>
        <translation>全部公众号</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="410"/>
        <source> (newest {0})</source>
        <translation>（最近 {0} 条）</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="418"/>
        <source>No topics proposed. Use Propose… to add one.</source>
        <translation>还没有报题。点“报题…”提出选题。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="420"/>
        <source>Nothing waiting. Drag a proposed topic here to accept it.</source>
        <translation>没有待写的选题。把已报题的选题拖到这里即派题。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="422"/>
        <source>Nobody is writing. Drag an accepted topic here to start.</source>
        <translation>没有正在写的稿件。把已派题的选题拖到这里即开始写稿。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="423"/>
        <source>Nothing published yet.</source>
        <translation>还没有已发布的选题。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="424"/>
        <source>Nothing dropped.</source>
        <translation>没有放弃的选题。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="436"/>
        <source>proposed by {0}</source>
        <translation>{0} 报题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="442"/>
        <location filename="../../ui/topic_board.py" line="600"/>
        <source>Dropped: {0}</source>
        <translation>已放弃：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="445"/>
        <source>due {0}</source>
        <translation>截止 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="447"/>
        <source>scheduled {0}</source>
        <translation>排期 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="485"/>
        <source>Choose a topic first</source>
        <translation>请先选中一个选题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="497"/>
        <source>No article yet</source>
        <translation>还没有稿件</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="513"/>
        <source>This topic changed meanwhile; the board has been read again.</source>
        <translation>这个选题刚被改动过，看板已刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="520"/>
        <source>A topic is published when its article is: mark the article published.</source>
        <translation>选题随稿件发布而进入“已发布”：请把稿件标记为已发布。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="522"/>
        <source>A topic does not go back to proposed.</source>
        <translation>选题不能退回“已报题”。</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="564"/>
        <source>Proposed: {0}</source>
        <translation>已报题：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="574"/>
        <source>Accepted: {0}, assigned to {1}</source>
        <translation>已派题：{0}，承办人 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="582"/>
        <source>Draft made: {0}</source>
        <translation>已开始写稿：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="588"/>
        <source>Drop topic</source>
        <translation>放弃选题</translation>
    </message>
    <message>
        <location filename="../../ui/topic_board.py" line="589"/>
        <source>Why is “{0}” dropped? (everyone sees it)</source>
        <translation>为什么放弃《{0}》？（大家都能看到）</translation>
    </message>
</context>
<context>
    <name>VisualEditor</name>
    <message>
        <location filename="../../ui/visual/widget.py" line="194"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/visual/widget.py" line="313"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
</context>
<context>
    <name>_ListPage</name>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="70"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="71"/>
        <source>Remove row</source>
        <translation>删除一行</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="72"/>
        <source>Import from file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="79"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="106"/>
        <source>Import list</source>
        <translation>导入词库</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="106"/>
        <source>Lists (*.txt *.xlsx)</source>
        <translation>词库文件 (*.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="124"/>
        <source>Saved. Every PC of the newsroom uses it from the next check.</source>
        <translation>已保存。本单位所有电脑从下一次核对起使用。</translation>
    </message>
    <message>
        <location filename="../../ui/proofreading_lists.py" line="128"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="84"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="86"/>
        <source>Newsdesk hit an unexpected problem. Your text has been kept and will be offered again the next time you open the article.</source>
        <translation>稿件工作站遇到了意外问题。您的文字已经保存，下次打开这篇稿件时可以恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="94"/>
        <source>Details are in the log folder: {0}</source>
        <translation>详细信息已写入日志文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="114"/>
        <source>The database cannot be used</source>
        <translation>数据库无法使用</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="115"/>
        <source>The database cannot be opened: {0}

Restore the newest good backup ({1})? The damaged file is kept beside it.</source>
        <translation>数据库无法打开：{0}

要用最近的完好备份（{1}）恢复吗？损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="190"/>
        <source>Change database…</source>
        <translation>更换数据库…</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="69"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="70"/>
        <source>tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../ui/topic_dialogs.py" line="71"/>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
</context>
</TS>
