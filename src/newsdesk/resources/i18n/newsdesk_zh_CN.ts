<?xml version='1.0' encoding='UTF-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <location filename="../../ui/main_window.py" line="63"/>
        <source>Newsdesk — {0}</source>
        <translation>稿件工作站 — {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>Formatting</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Review</source>
        <translation>审稿</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>New article</source>
        <translation>新建稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>Submit</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>Sign off</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>Return…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Reopen…</source>
        <translation>重新编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Spike…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Mark published…</source>
        <translation>标记为已发布…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>Copy for WeChat</source>
        <translation>复制到公众号</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Article</source>
        <translation>稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Heading</source>
        <translation>小标题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Quote</source>
        <translation>引用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Picture…</source>
        <translation>图片…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;Article</source>
        <translation>稿件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>&amp;Review</source>
        <translation>审稿(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <location filename="../../ui/main_window.py" line="556"/>
        <source>About Newsdesk</source>
        <translation>关于稿件工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>Unsaved text from your last session was kept. Restore it?</source>
        <translation>上次有未保存的文字，已为您保留。要恢复吗？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>{0} is editing since {1} (on {2}); you see it read-only.</source>
        <translation>{0} 自 {1} 起正在编辑（{2}），您现在只能查看。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="375"/>
        <source>Reason (the editors will see it):</source>
        <translation>退回意见（编辑可以看到）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="385"/>
        <source>Mark published</source>
        <translation>标记为已发布</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="386"/>
        <source>The article's address on WeChat (https://mp.weixin.qq.com/…):</source>
        <translation>文章在公众号上的地址（https://mp.weixin.qq.com/…）：</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>Done: {0}</source>
        <translation>已完成：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Open an article first</source>
        <translation>请先打开一篇稿件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="440"/>
        <location filename="../../ui/main_window.py" line="520"/>
        <location filename="../../ui/main_window.py" line="537"/>
        <source>Not possible</source>
        <translation>无法操作</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="453"/>
        <source>{0} characters · about {1} min read</source>
        <translation>字数 {0} · 约 {1} 分钟读完</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="496"/>
        <source>Copied. Paste it into the WeChat editor (mp.weixin.qq.com).</source>
        <translation>已复制，请粘贴到公众号编辑器（mp.weixin.qq.com）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="504"/>
        <source>Export HTML</source>
        <translation>导出 HTML</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="504"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="522"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="527"/>
        <source>Insert picture</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="529"/>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="558"/>
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
        <location filename="../../ui/metadata_form.py" line="63"/>
        <source>Headline as it will appear in WeChat</source>
        <translation>公众号文章标题</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="66"/>
        <source>Empty: WeChat uses the first 54 characters</source>
        <translation>留空则由公众号取正文前 54 字</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="74"/>
        <source>Original</source>
        <translation>原创声明</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="78"/>
        <source>User names, separated by commas</source>
        <translation>用户名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="79"/>
        <location filename="../../ui/metadata_form.py" line="121"/>
        <source>No cover image</source>
        <translation>未设置封面图</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="84"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="85"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="86"/>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="87"/>
        <source>Column</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="88"/>
        <source>Source link</source>
        <translation>阅读原文链接</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="89"/>
        <source>Co-editors</source>
        <translation>共同编辑</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="90"/>
        <source>Cover image</source>
        <translation>封面图</translation>
    </message>
    <message>
        <location filename="../../ui/metadata_form.py" line="121"/>
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
        <location filename="../../ui/review_panel.py" line="60"/>
        <source>Sign-offs</source>
        <translation>审签</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="61"/>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="62"/>
        <source>Reasons for return</source>
        <translation>退回意见</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="63"/>
        <source>Review history</source>
        <translation>审稿记录</translation>
    </message>
    <message>
        <location filename="../../ui/review_panel.py" line="102"/>
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
        <location filename="../../ui/task_panel.py" line="69"/>
        <source>My tasks</source>
        <translation>我的待办</translation>
    </message>
    <message>
        <location filename="../../ui/task_panel.py" line="117"/>
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
        <location filename="../../ui/app.py" line="62"/>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="64"/>
        <source>Newsdesk hit an unexpected problem. Your text has been kept and will be offered again the next time you open the article.</source>
        <translation>稿件工作站遇到了意外问题。您的文字已经保存，下次打开这篇稿件时可以恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="72"/>
        <source>Details are in the log folder: {0}</source>
        <translation>详细信息已写入日志文件夹：{0}</translation>
    </message>
</context>
</TS>