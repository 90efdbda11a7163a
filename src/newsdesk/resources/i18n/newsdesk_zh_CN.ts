<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminDialog</name>
    <message>
        <location filename="../../ui/admin_dialog.py" line="43"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="46"/>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="47"/>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="48"/>
        <source>Word lists</source>
        <translation>词表</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="49"/>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="55"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="65"/>
        <location filename="../../ui/admin_dialog.py" line="74"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="65"/>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="67"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="77"/>
        <source>Display name, e.g. 马编辑</source>
        <translation>显示名，例如：马编辑</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="82"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="83"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="96"/>
        <source>Save role and status changes</source>
        <translation>保存角色和状态修改</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="99"/>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="174"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="175"/>
        <source>New password for {0}:</source>
        <translation>{0} 的新密码：</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="207"/>
        <location filename="../../ui/admin_dialog.py" line="253"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="210"/>
        <source>WeChat account name</source>
        <translation>公众号名称</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="211"/>
        <source>Reprint notice</source>
        <translation>转载声明</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="212"/>
        <source>Closing line</source>
        <translation>文末结束语</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="213"/>
        <source>Default theme</source>
        <translation>默认排版主题</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="214"/>
        <source>Previous issues shown</source>
        <translation>往期回顾条数</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="244"/>
        <source>Banned words (block submit and export)</source>
        <translation>禁用词（阻止提交和导出）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="245"/>
        <source>Absolute terms (a warning)</source>
        <translation>极限词（仅提醒）</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="252"/>
        <source>One word per line; lines starting with # are notes.</source>
        <translation>每行一个词；以 # 开头的行是备注。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="273"/>
        <source>A backup is a complete copy of the database, made safely while others keep working. Keep copies on another disk.</source>
        <translation>备份是数据库的完整副本，其他人继续工作时也可以安全备份。请把副本存放在另一块磁盘上。</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="278"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="291"/>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="291"/>
        <source>Database (*.db)</source>
        <translation>数据库 (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialog.py" line="300"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../ui/diff_dialog.py" line="37"/>
        <source>Changes</source>
        <translation>修改对比</translation>
    </message>
    <message>
        <location filename="../../ui/diff_dialog.py" line="41"/>
        <source>Compare the current text with</source>
        <translation>当前文字对比</translation>
    </message>
    <message>
        <location filename="../../ui/diff_dialog.py" line="64"/>
        <source>No earlier version.</source>
        <translation>没有更早的修改版本。</translation>
    </message>
    <message>
        <location filename="../../ui/diff_dialog.py" line="75"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="112"/>
        <source>Welcome to Newsdesk</source>
        <translation>欢迎使用稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="116"/>
        <source>Create the administrator account. The administrator adds the newsroom's staff and sets up the WeChat account; it does not sign articles.</source>
        <translation>请创建管理员账号。管理员负责添加本单位人员、设置公众号信息，不参与稿件审签。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="124"/>
        <source>e.g. 舟曲发布</source>
        <translation>例如：舟曲发布</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="126"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131"/>
        <source>WeChat account name</source>
        <translation>公众号名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="132"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="133"/>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="135"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="139"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Newsdesk — {0}</source>
        <translation>稿件工作站 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Formatting</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>Review</source>
        <translation>审稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>New article</source>
        <translation>新建稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Submit</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Reopen…</source>
        <translation>重新编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198"/>
        <source>Spike…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>Mark published…</source>
        <translation>标记为已发布…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204"/>
        <source>Copy for WeChat</source>
        <translation>复制到公众号</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>Heading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="236"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>Picture…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>&amp;Article</source>
        <translation>稿件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>&amp;Review</source>
        <translation>审稿(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="253"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>A&amp;dministration</source>
        <translation>管理(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Staff, account and backup…</source>
        <translation>人员、公众号与备份…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <location filename="../../ui/main_window.py" line="636"/>
        <source>About Newsdesk</source>
        <translation>关于稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Unsaved text from your last session was kept. Restore it?</source>
        <translation>上次有未保存的文字，已为您保留。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>{0} is editing since {1} (on {2}); you see it read-only.</source>
        <translation>{0} 自 {1} 起正在编辑（{2}），您现在只能查看。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>Reason (the editors will see it):</source>
        <translation>退回意见（编辑可以看到）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="418"/>
        <source>Mark published</source>
        <translation>标记为已发布</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>The article's address on WeChat (https://mp.weixin.qq.com/…):</source>
        <translation>文章在公众号上的地址（https://mp.weixin.qq.com/…）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="433"/>
        <source>Done: {0}</source>
        <translation>已完成：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>Open an article first</source>
        <translation>请先打开一篇稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="473"/>
        <location filename="../../ui/main_window.py" line="573"/>
        <location filename="../../ui/main_window.py" line="607"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>{0} characters · about {1} min read</source>
        <translation>字数 {0} · 约 {1} 分钟读完</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="549"/>
        <source>Copied. Paste it into the WeChat editor (mp.weixin.qq.com).</source>
        <translation>已复制，请粘贴到公众号编辑器（mp.weixin.qq.com）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="557"/>
        <source>Export HTML</source>
        <translation>导出 HTML</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="557"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="575"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="597"/>
        <source>Insert picture</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <location filename="../../ui/main_window.py" line="599"/>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="638"/>
        <source>&lt;b&gt;稿件工作站 Newsdesk&lt;/b&gt; {0}&lt;br&gt;Editorial workstation for county newsrooms.&lt;br&gt;Log folder: {1}</source>
        <translation>&lt;b&gt;稿件工作站&lt;/b&gt; {0}&lt;br&gt;县级融媒体中心的稿件编辑与三审工具。&lt;br&gt;日志文件夹：{1}</translation>
    </message>
</context>
<context>
    <name>MarkdownEditor</name>
    <message>
        <location filename="../../ui/editor.py" line="129"/>
        <source>bold text</source>
        <translation>加粗文字</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="144"/>
        <source>link text</source>
        <translation>链接文字</translation>
    </message>
    <message>
        <location filename="../../ui/editor.py" line="147"/>
        <source>| Column | Column |</source>
        <translation>| 列 | 列 |</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../ui/metadata_form.py" line="68"/>
        <source>Headline as it will appear in WeChat</source>
        <translation>公众号文章标题</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="71"/>
        <source>Empty: WeChat uses the first 54 characters</source>
        <translation>留空则由公众号取正文前 54 字</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="79"/>
        <source>Original</source>
        <translation>原创声明</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="83"/>
        <source>User names, separated by commas</source>
        <translation>用户名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="84"/>
        <location filename="../../ui/metadata_form.py" line="118"/>
        <location filename="../../ui/metadata_form.py" line="144"/>
        <source>No cover image</source>
        <translation>未设置封面图</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="86"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="95"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="96"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="97"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="98"/>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="99"/>
        <source>Source link</source>
        <translation>阅读原文链接</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="100"/>
        <source>Co-editors</source>
        <translation>共同编辑</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="101"/>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="118"/>
        <location filename="../../ui/metadata_form.py" line="144"/>
        <source>Set</source>
        <translation>已设置</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview.py" line="83"/>
        <source>Dark mode</source>
        <translation>深色模式</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ui/review_panel.py" line="59"/>
        <source>Changes since I signed…</source>
        <translation>自我签字后的修改…</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="64"/>
        <source>Sign-offs</source>
        <translation>审签</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="65"/>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="66"/>
        <source>Reasons for return</source>
        <translation>退回意见</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="67"/>
        <source>Review history</source>
        <translation>审稿记录</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="111"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="55"/>
        <source>Sign in — Newsdesk</source>
        <translation>登录 — 稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="57"/>
        <source>稿件工作站 Newsdesk</source>
        <translation>稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="66"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="67"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75"/>
        <source>Demo workspace. Every demo user's password is {0}</source>
        <translation>演示工作区。所有演示用户的密码都是 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="90"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>TaskPanel</name>
    <message>
        <location filename="../../ui/task_panel.py" line="43"/>
        <source>Search titles and text…</source>
        <translation>搜索标题和正文…</translation>
    </message>
    <message>
        <location filename="../../ui/task_panel.py" line="76"/>
        <source>My tasks</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/task_panel.py" line="124"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="176"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="74"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="76"/>
        <source>Newsdesk hit an unexpected problem. Your text has been kept and will be offered again the next time you open the article.</source>
        <translation>稿件工作站遇到了意外问题。您的文字已经保存，下次打开这篇稿件时可以恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="84"/>
        <source>Details are in the log folder: {0}</source>
        <translation>详细信息已写入日志文件夹：{0}</translation>
    </message>
</context>
</TS>